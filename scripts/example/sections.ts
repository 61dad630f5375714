// Prose of the seed report (seed/000_8c872b2537f659ba.txt) restored with full Vietnamese diacritics (NFC); computed figures and footnotes are left to the program.

export interface SectionRow { section: string; heading: string | null; text: string | null }

export const exampleSections: SectionRow[] = [
  // Mở đầu
  { section: 'MoDau', heading: null, text: 'Thực hiện chế độ báo cáo về công tác thi đua, khen thưởng và Công văn số 496/BTĐKT-THHC ngày 30/5/2023 của Ban Thi đua - Khen thưởng về việc báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023, Ban Quản lý Khu kinh tế Hải Phòng (Ban Quản lý) báo cáo công tác thi đua khen thưởng 6 tháng đầu năm 2023 và phương hướng, nhiệm vụ 6 tháng cuối năm gồm những nội dung sau:' },

  // I
  { section: 'I', heading: 'KẾT QUẢ TRIỂN KHAI THỰC HIỆN CÁC PHONG TRÀO THI ĐUA, KHEN THƯỞNG', text: null },

  { section: 'I.1', heading: 'Công tác lãnh đạo, chỉ đạo', text: null },
  { section: 'I.1', heading: null, text: 'Đảng ủy cơ quan, lãnh đạo Ban xác định thi đua khen thưởng là một nhiệm vụ chính trị trọng tâm và tập trung chỉ đạo các phòng chuyên môn và đơn vị trực thuộc triển khai tổ chức thực hiện công tác thi đua, khen thưởng. Ban Quản lý đã bám sát nội dung các Nghị quyết của Thành ủy, Hội đồng nhân dân thành phố, tổ chức quán triệt nội dung Chỉ thị số 01/CT-UBND ngày 04/01/2023 về việc đẩy mạnh phát động các phong trào thi đua yêu nước thực hiện thắng lợi chủ đề năm 2023 của thành phố “Đẩy mạnh chỉnh trang, hiện đại hóa đô thị - Xây dựng nông thôn mới kiểu mẫu - Thực hiện chuyển đổi số”; Chỉ thị số 02/CT-UBND ngày 19/01/2023 về nhiệm vụ, giải pháp chủ yếu chỉ đạo, điều hành thực hiện Kế hoạch phát triển kinh tế - xã hội, quốc phòng - an ninh thành phố năm 2023; Quyết định số 4418/QĐ-UBND ngày 23/12/2022 về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023; Quyết định số 4568/QĐ-UBND ngày 30/12/2022 ban hành Chương trình công tác năm 2023 của Ủy ban nhân dân thành phố. Hưởng ứng các phong trào do thành phố phát động: “Xây dựng thành phố Hải Phòng Sống – Xanh – Sạch – Đẹp – An toàn – Văn minh”, “Đẩy mạnh cải cách hành chính trên địa bàn thành phố Hải Phòng giai đoạn 2021-2025”, “Thực hiện chương trình chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030”.' },
  { section: 'I.1', heading: null, text: 'Ban Quản lý nghiêm túc thực hiện phương châm điều hành năm 2023 của Chính phủ là “Đoàn kết kỷ cương, bản lĩnh linh hoạt, đổi mới sáng tạo, kịp thời hiệu quả”. Hưởng ứng các phong trào do Thủ tướng Chính phủ, Bộ Kế hoạch và Đầu tư, thành phố phát động “Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid-19”, “Cả nước chung tay xây dựng nông thôn mới”, “Vì người nghèo – Không để ai bị bỏ lại phía sau”, “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025, “Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”...' },

  { section: 'I.2', heading: 'Kết quả đăng ký, ký giao ước thi đua, thực hiện các phong trào thi đua', text: null },
  { section: 'I.2', heading: null, text: '- Tại Hội nghị cán bộ, công chức đầu năm 2023, tổ chức ký cam kết thi đua trong các phòng chuyên môn và cam kết thi đua cá nhân của toàn thể cán bộ, công chức, người lao động thực hiện tốt nhiệm vụ chính trị và nội quy, quy định của cơ quan.' },
  { section: 'I.2', heading: null, text: '- Phát động phong trào thi đua, đăng ký thi đua và ký cam kết thi đua năm 2023, đăng ký và ký giao ước thi đua với Khối các cơ quan quản lý kinh tế.' },
  { section: 'I.2', heading: null, text: '- Phát động đợt thi đua đặc biệt lập thành tích chào mừng kỷ niệm 30 năm ngày thành lập Ban Quản lý.' },
  { section: 'I.2', heading: null, text: '- Tổ chức các phong trào thi đua hướng tới kỷ niệm các ngày lễ trọng đại khác của đất nước, của thành phố.' },
  { section: 'I.2', heading: null, text: '- Tổ chức đăng ký xây dựng mô hình dân vận khéo, sáng kiến, sáng tạo tại cơ quan Ban Quản lý và các doanh nghiệp liên quan.' },
  { section: 'I.2', heading: null, text: '- Triển khai thực hiện nội quy cơ quan, Văn hóa công sở và chuẩn mực ứng xử của cán bộ, công chức Ban Quản lý; tiếp tục thực hiện tốt các tiêu chí cơ quan đạt chuẩn văn hóa năm 2023 và các năm tiếp theo.' },

  // II
  { section: 'II', heading: 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ', text: null },

  { section: 'II.1', heading: 'Kết quả thu hút đầu tư tại KCN, KKT', text: null },
  { section: 'II.1.(1)', heading: 'Thu hút vốn đầu tư trực tiếp nước ngoài (FDI)', text: null },
  { section: 'II.1.(1)', heading: null, text: 'Hết tháng 6 dự kiến thu hút 1,9 tỷ USD.' },
  { section: 'II.1.(2)', heading: 'Thu hút vốn đầu tư trong nước (DDI)', text: null },

  { section: 'II.2', heading: 'Hoạt động xúc tiến đầu tư', text: null },
  { section: 'II.2', heading: null, text: '- Công tác xúc tiến đầu tư: Ban Quản lý tập trung nâng cao hiệu quả hoạt động xúc tiến đầu tư tại chỗ thông qua các hoạt động hỗ trợ doanh nghiệp, hướng dẫn nhà đầu tư tìm hiểu về chính sách ưu đãi đầu tư vào KCN, KKT. Hoạt động quảng bá, xúc tiến được chú trọng với hình thức phong phú, đa dạng và hiệu quả. Cổng thông tin điện tử được đẩy mạnh khai thác, tạo kênh hỗ trợ và kết nối thuận lợi cho doanh nghiệp... Bộ ấn phẩm xúc tiến đầu tư gồm USB, video và tài liệu được xây dựng chi tiết, đồng bộ, cung cấp đầy đủ thông tin, góp phần xây dựng hình ảnh hấp dẫn của Ban Quản lý và của thành phố, tạo hiệu quả xúc tiến tích cực. Hàng quý phát hành Bản tin Ban Quản lý Khu kinh tế Hải Phòng.' },
  { section: 'II.2', heading: null, text: '- 6 tháng đầu năm 2023, Ban Quản lý đã tiếp xúc, làm việc với nhiều nhà đầu tư bằng nhiều hình thức linh hoạt cả trực tiếp và trực tuyến nhằm cung cấp tối đa các thông tin về môi trường đầu tư, chính sách ưu đãi đầu tư theo đề nghị của các đối tác và thường xuyên, chủ động duy trì liên lạc, trao đổi thông tin kịp thời; thông qua việc tích cực hỗ trợ nhà đầu tư, doanh nghiệp trong suốt quá trình triển khai dự án và đi vào hoạt động sản xuất kinh doanh, tạo niềm tin về môi trường đầu tư an toàn, thân thiện và hấp dẫn; chủ trì tham mưu đề xuất chương trình xúc tiến đầu tư tại Hàn Quốc, Nhật Bản cho chuyến đi công tác của đồng chí Bí thư Thành ủy vào đầu tháng 6 năm 2023.' },

  { section: 'II.3', heading: 'Nộp ngân sách nhà nước', text: null },

  { section: 'II.4', heading: 'Tình hình đầu tư phát triển hạ tầng các KCN, KKT', text: null },
  { section: 'II.4.(1)', heading: 'Về đầu tư phát triển hạ tầng các khu công nghiệp', text: null },
  { section: 'II.4.(1)', heading: null, text: 'KCN Nam Đình Vũ Khu I, KCN Nam Đình Vũ Khu II, KCN An Dương đang tích cực đẩy nhanh công tác xây dựng cơ sở hạ tầng và thu hút đầu tư; KCN Cảng cửa ngõ quốc tế Hải Phòng (Deep C3) đang tập trung giải phóng mặt bằng và triển khai xây dựng cơ sở hạ tầng.' },
  { section: 'II.4.(2)', heading: 'Về công tác tài nguyên môi trường', text: null },
  { section: 'II.4.(2)', heading: null, text: 'Lĩnh vực Môi trường' },
  { section: 'II.4.(2)', heading: null, text: '6 tháng đầu năm 2023, Ban Quản lý đã tiếp nhận mới 27 dự án đề nghị cấp Giấy phép môi trường và đã giải quyết 29 dự án đề nghị cấp Giấy phép môi trường.' },
  { section: 'II.4.(2)', heading: null, text: 'Lĩnh vực Đất đai' },
  { section: 'II.4.(2)', heading: null, text: '- Ban hành 01 Quyết định giao đất cho Ủy ban nhân dân huyện Cát Hải để thực hiện Dự án đầu tư xây dựng khu tái định cư Cát Hải - giai đoạn I.' },
  { section: 'II.4.(2)', heading: null, text: '- Ký Hợp đồng thuê đất (đợt 4) đối với Công ty Cổ phần Khu công nghiệp Đình Vũ.' },
  { section: 'II.4.(2)', heading: null, text: '- Ký Hợp đồng thuê đất với Công ty Cổ phần Trường An Hải Phòng.' },
  { section: 'II.4.(2)', heading: null, text: '- Ban hành 01 Quyết định miễn tiền thuê đất (đợt 4) cho Công ty Cổ phần Khu công nghiệp Đình Vũ.' },
  { section: 'II.4.(2)', heading: null, text: '- Thiết lập 02 hồ sơ trình Ủy ban nhân dân thành phố xin giao đất và giao lại đất cho Ủy ban nhân dân huyện Cát Hải và Công ty Cổ phần đầu tư Xuân Cầu - Lạch Huyện.' },
  { section: 'II.4.(3)', heading: 'Về thành lập các khu công nghiệp mới', text: null },
  { section: 'II.4.(3)', heading: null, text: 'Dự kiến triển khai thành lập 14 khu công nghiệp với tổng số 4.490,83 ha.' },
  { section: 'II.4.(4)', heading: 'Xây dựng nhà ở cho công nhân, nhà ở xã hội', text: null },
  { section: 'II.4.(4)', heading: null, text: '- Tại khu vực Đình Vũ hiện đang triển khai các dự án:' },
  { section: 'II.4.(4)', heading: null, text: '+ Dự án đầu tư xây dựng nhà ở công nhân viên của Công ty TNHH Pegatron Việt Nam tại phường Đông Hải 2 (đáp ứng chỗ ở cho khoảng 10.000 người lao động) đã khởi công ngày 30/5/2023;' },
  { section: 'II.4.(4)', heading: null, text: '+ Dự án đầu tư xây dựng Khu nhà ở xã hội tại phường Đông Hải 2, quận Hải An (quy mô dân số khoảng 12.000 người) đã được chấp thuận chủ trương đầu tư, đang thực hiện thủ tục lựa chọn nhà đầu tư;' },
  { section: 'II.4.(4)', heading: null, text: '+ Dự án đầu tư nhà ở xã hội (Giai đoạn 1) tại phường Tràng Cát, quận Hải An, thuộc Khu kinh tế Đình Vũ - Cát Hải (quy mô dân số khoảng 9.500 người), đã được Thường trực Thành ủy, Ủy ban nhân dân thành phố đồng ý chủ trương thực hiện, đang hoàn thiện để chấp thuận chủ trương đầu tư và tổ chức đấu thầu lựa chọn nhà đầu tư.' },
  { section: 'II.4.(4)', heading: null, text: '- Tại Khu công nghiệp VSIP Hải Phòng: Hiện nay, Công ty VSIP Hải Phòng đang nghiên cứu đề xuất lô đất 4,33 ha để đầu tư xây dựng khu nhà ở xã hội, dự kiến thực hiện trong năm 2023 và khoảng 11,72 ha dự kiến thực hiện trong giai đoạn 2026-2030. Ngoài ra, Công ty Regina đã đề xuất đầu tư Dự án tại lô đất diện tích 9,25 ha thuộc Khu đô thị, công nghiệp và dịch vụ VSIP Hải Phòng, tổng diện tích sàn khoảng 187.000m2, dự kiến đáp ứng chỗ ở cho 14.750 người.' },
  { section: 'II.4.(4)', heading: null, text: '- Tại Khu công nghiệp An Dương: Tại Công văn số 3610/VP-XD3 ngày 03/10/2022, Chủ tịch Ủy ban nhân dân thành phố giao Sở Xây dựng lập hồ sơ đề nghị chấp thuận chủ trương đầu tư Dự án Khu nhà ở xã hội với diện tích 56 ha tại thị trấn An Dương và các xã Đồng Thái, An Đồng, huyện An Dương, dự kiến đáp ứng khoảng 12.413 người.' },
  { section: 'II.4.(4)', heading: null, text: '- Tại Khu công nghiệp Tràng Duệ (giai đoạn 1 và 2):' },
  { section: 'II.4.(4)', heading: null, text: '+ Dự án Khu ký túc xá của Công ty TNHH LG Display Việt Nam với quy mô đầu tư xây dựng gồm 12 tòa nhà với quy mô tầng cao 5 tầng, sau khi hoàn thành đáp ứng được chỗ ở cho khoảng 10.800 người. Dự án đã hoàn thành đưa vào sử dụng giai đoạn 1, 2 và một phần giai đoạn 3 gồm 06 tòa nhà, trong đó có 04 tòa phục vụ công nhân với diện tích sàn xây dựng khoảng 37.000m2, đáp ứng chỗ ở cho 3.600 người; hiện nay đang tiếp tục tiến hành xây dựng 02 tòa nhà còn lại của giai đoạn 3 với diện tích sàn xây dựng khoảng 18.500m2, đáp ứng chỗ ở cho 1.800 người.' },
  { section: 'II.4.(4)', heading: null, text: '+ Dự án Khu đô thị - dịch vụ thương mại và nhà ở công nhân Tràng Duệ tại xã Lê Lợi, huyện An Dương do Công ty Cổ phần Khu công nghiệp Sài Gòn - Hải Phòng làm chủ đầu tư với diện tích 42,08 ha, trong đó quy hoạch lô đất để xây dựng nhà ở xã hội là 3,14 ha, dự kiến bố trí 4 block nhà tầng cao tối đa 20 tầng, khoảng 3.600 căn hộ, đáp ứng chỗ ở cho khoảng 12.600 người. Hạng mục nhà ở xã hội của Dự án đã được khởi công ngày 28/5/2023.' },

  { section: 'II.5', heading: 'Tình hình hoạt động của các doanh nghiệp trong khu công nghiệp, khu kinh tế', text: null },
  { section: 'II.5.(1)', heading: 'Tình hình lao động, an toàn vệ sinh lao động', text: null },
  { section: 'II.5.(1)', heading: null, text: 'Quan hệ lao động, an ninh trật tự, an toàn vệ sinh lao động ổn định.' },
  { section: 'II.5.(2)', heading: 'Một số chỉ tiêu chủ yếu trong hoạt động sản xuất kinh doanh', text: null },
  { section: 'II.5.(2)', heading: null, text: 'Hoạt động sản xuất kinh doanh của doanh nghiệp còn gặp nhiều khó khăn do bối cảnh kinh tế thế giới còn nhiều diễn biến phức tạp, việc gián đoạn chuỗi cung ứng sản xuất, lạm phát, biến động của giá than, xăng dầu thế giới làm cho chi phí sản xuất, nguyên vật liệu đầu vào tăng cao, tiết giảm cung cấp điện gây áp lực lớn lên hoạt động sản xuất, kinh doanh. Giá cước vận tải tiếp tục tăng cao khiến cho hoạt động nhập khẩu nguyên liệu, xuất khẩu hàng hóa gặp nhiều khó khăn. Một số doanh nghiệp phải giãn tiến độ sản xuất, giảm nhập khẩu nguyên vật liệu, điều chỉnh các phương án sản xuất kinh doanh thích ứng với tình hình mới, cơ cấu lại khách hàng và đơn hàng.' },

  { section: 'II.6', heading: 'Trung tâm Dịch vụ việc làm - Đào tạo - Xúc tiến đầu tư', text: null },
  { section: 'II.6', heading: null, text: '- Về đào tạo: đã khai giảng 01 lớp tin học văn phòng với 09 học viên, bế giảng 01 lớp tin học văn phòng với 10 học viên; khai giảng, hoàn thiện mở 01 lớp Đại học quản lý đất đai với 27 học viên; hoàn thiện hồ sơ khai giảng 01 lớp Đại học Công tác xã hội với 30 học viên; bế giảng 02 lớp Đại học ngành Luật và Công tác xã hội gồm 75 học viên; duy trì 02 lớp Thạc sỹ, Đại học là 100 học viên.' },
  { section: 'II.6', heading: null, text: '- Về dịch vụ: đã tư vấn cho trên 1.180 lượt người đến tìm hiểu về việc làm, giới thiệu trên 874 hồ sơ cho các doanh nghiệp đang hoạt động trong các KCN, KKT. Bộ phận xúc tiến đầu tư thường xuyên đăng tải các tin tức, sự kiện, văn bản chỉ đạo điều hành; rà soát, cập nhật thông tin kịp thời lên Cổng Thông tin điện tử Ban Quản lý. Hoàn thiện bộ ấn phẩm quảng bá môi trường đầu tư của thành phố với những tiềm năng, thế mạnh và các chính sách ưu đãi đầu tư; đăng tải gần 200 tin bài trên Cổng Thông tin điện tử; 70 tin bài trên Fanpage của Ban Quản lý; tin bài có lượt tiếp cận nhiều nhất là trên 800 lượt tiếp cận; phát hành 02 Bản tin điện tử của Ban Quản lý; đã phát hành Bản tin Quý I/2023 và dự thảo nội dung Bản tin Quý II/2023 của Ban Quản lý; đã xây dựng nội dung và phát hành 2 ấn phẩm trong 06 tháng đầu năm 2023: Cơ sở hạ tầng trong Khu công nghiệp và Khu kinh tế và Cơ hội đầu tư vào các Khu công nghiệp và Khu kinh tế, ngôn ngữ: tiếng Anh. Thường xuyên cập nhật nội dung, số liệu, hình ảnh bộ ấn phẩm xúc tiến đầu tư (06 ngôn ngữ: tiếng Việt, tiếng Anh, tiếng Hàn Quốc, tiếng Nhật Bản, tiếng Trung Quốc, tiếng Đài Loan) để phục vụ các hội nghị, hội thảo, các chương trình xúc tiến đầu tư do Ban Quản lý Khu kinh tế chủ trì hoặc phối hợp với Văn phòng UBND thành phố, Sở Ngoại vụ, Cục Đầu tư nước ngoài... Ký được hai hợp đồng tăng cường quảng bá thông tin với Công ty TNHH An Thịnh và Ngân hàng TMCP Công Thương Việt Nam - chi nhánh Lê Chân, mỗi hợp đồng trị giá 33 triệu đồng.' },
  { section: 'II.6', heading: null, text: '- Ngày 16/5/2023, Ủy ban nhân dân thành phố đã có Quyết định số 1283/QĐ-UBND ngày 16/5/2023 về việc sáp nhập Trường Trung cấp Khu kinh tế Hải Phòng vào Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm Khu kinh tế Hải Phòng và đổi tên thành Trung tâm Dịch vụ việc làm - Đào tạo - Xúc tiến đầu tư trực thuộc Ban Quản lý Khu kinh tế Hải Phòng. Hiện đang trong quá trình hoàn thiện, kiện toàn cơ cấu tổ chức.' },

  { section: 'II.7', heading: 'Kết quả thực hiện Đề án 06/CP', text: null },
  { section: 'II.7', heading: null, text: 'Cùng Công an thành phố tổ chức Hội nghị tuyên truyền về Đề án 06/CP; hướng dẫn cài đặt VNeID và định danh điện tử mức độ 2 cho các cán bộ, công chức, viên chức và các doanh nghiệp kinh doanh hạ tầng KKT.' },

  { section: 'II.8', heading: 'Tình hình thực hiện nhiệm vụ Ủy ban nhân dân thành phố giao trên Hệ thống phần mềm Văn phòng điện tử', text: null },

  { section: 'II.9', heading: 'Các công việc khác', text: null },
  { section: 'II.9', heading: null, text: '- Ngày 09/01/2023, Ban Quản lý tổ chức Hội nghị tổng kết công tác năm 2022, triển khai thực hiện nhiệm vụ năm 2023 và Hội nghị cán bộ, công chức năm 2023.' },
  { section: 'II.9', heading: null, text: '- Hoàn thiện hồ sơ, bình xét thi đua khen thưởng đối với các tập thể, cá nhân Ban Quản lý năm 2022.' },
  { section: 'II.9', heading: null, text: '- Ngày 21/3/2023, tham dự lễ khởi công xây nhà hộ nghèo tại xã An Thái, thị trấn Trường Sơn và trao tặng máy tính cho trường THCS Tân Dân.' },
  { section: 'II.9', heading: null, text: '- Ngày 14/4/2023, Ban Quản lý tham gia chương trình Tọa đàm kết nối Hải Phòng - Hồng Kông.' },
  { section: 'II.9', heading: null, text: '- Ngày 04/05/2023, Ban Quản lý tổ chức Đại hội Công đoàn Cơ quan Ban Quản lý Khu kinh tế Hải Phòng lần thứ I nhiệm kỳ 2023-2028.' },
  { section: 'II.9', heading: null, text: '- Tham gia Hội nghị “Gặp gỡ Hàn Quốc” năm 2023 khu vực phía Bắc do Bộ Ngoại giao phối hợp với Đại sứ quán Hàn Quốc tại Việt Nam được tổ chức tại tỉnh Bắc Ninh trong hai ngày 17-18/5/2023.' },
  { section: 'II.9', heading: null, text: '- Ngày 18/5/2023, Đoàn Thanh niên Khu kinh tế Hải Phòng phối hợp với Công ty TNHH LG Innotek Việt Nam tổ chức Ngày hội hiến máu tình nguyện vì cộng đồng.' },
  { section: 'II.9', heading: null, text: '- Ngày 01/6/2023, tặng quà tại quận Kiến An 50 bộ máy tính phục vụ chuyển đổi số và công tác dạy học.' },

  // III
  { section: 'III', heading: 'PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM', text: null },

  { section: 'III.1', heading: 'Công tác thi đua', text: null },
  { section: 'III.1', heading: null, text: '- Chỉ đạo các đơn vị tổ chức thực hiện các phong trào thi đua đã phát động năm 2023; triển khai tổ chức các phong trào thi đua theo Hướng dẫn của Ban TĐKT thành phố, Bộ Kế hoạch và Đầu tư.' },
  { section: 'III.1', heading: null, text: '- Tham gia hoạt động hội thao do Khối các cơ quan quản lý kinh tế thành phố tổ chức.' },

  { section: 'III.2', heading: 'Nhiệm vụ trọng tâm', text: null },
  { section: 'III.2', heading: null, text: '(1) Tiếp tục đẩy mạnh thực hiện toàn diện các kế hoạch năm 2023.' },
  { section: 'III.2', heading: null, text: '(2) Tăng cường trách nhiệm, kỷ cương công vụ của các cán bộ, công chức, viên chức trong thực hiện nhiệm vụ.' },
  { section: 'III.2', heading: null, text: '(3) Chủ động xúc tiến và thu hút đầu tư có chọn lọc theo định hướng phát triển ba trụ cột trong phát triển kinh tế đã được xác định trong Nghị quyết Đại hội XVI Đảng bộ thành phố là: công nghiệp công nghệ cao, cảng biển - logistics, du lịch - thương mại; chú trọng xúc tiến đầu tư tại chỗ, xúc tiến đầu tư trực tuyến; thu hút các dự án lớn, công nghệ cao có vai trò dẫn dắt, đóng góp lớn cho thành phố. Phấn đấu hoàn thành vượt mức kế hoạch thu hút đầu tư FDI năm 2023 (2 tỷ USD).' },
  { section: 'III.2', heading: null, text: '(4) Tiếp tục tập trung điều chỉnh quy hoạch chung xây dựng Khu kinh tế Đình Vũ - Cát Hải trình Thủ tướng Chính phủ phê duyệt đảm bảo phù hợp với Quy hoạch chung xây dựng thành phố đến năm 2040, tầm nhìn đến năm 2050. Tham mưu tổ chức lập, điều chỉnh các quy hoạch xây dựng, đô thị thuộc phạm vi quản lý.' },
  { section: 'III.2', heading: null, text: '(5) Tập trung triển khai xây dựng 14 khu công nghiệp mới, đẩy nhanh tiến độ thực hiện các dự án, công trình trọng điểm: Bến cảng số 3, 4, 5, 6, 7, 8 tại Cảng cửa ngõ quốc tế Hải Phòng; khu công nghiệp Xuân Cầu, khu công nghiệp Tiên Thanh; các dự án khu đô thị, nhà ở xã hội, nhà ở cho công nhân. Tập trung hỗ trợ, tháo gỡ khó khăn cho các doanh nghiệp, dự án trong khu kinh tế và các khu công nghiệp.' },
  { section: 'III.2', heading: null, text: '(6) Tăng cường công tác kiểm tra, đôn đốc thực hiện công tác bảo vệ môi trường, việc sử dụng đất của các doanh nghiệp trong KCN, KKT; kiểm tra quy hoạch, trật tự xây dựng; kịp thời phát hiện, ngăn chặn, xử lý các trường hợp vi phạm, không để xảy ra trường hợp gây ô nhiễm môi trường, vi phạm trật tự xây dựng.' },
  { section: 'III.2', heading: null, text: '(7) Tiếp tục thực hiện tốt các Quy chế phối hợp giữa Ban Quản lý với các cơ quan liên quan. Tăng cường công tác phối hợp với các sở, ngành, UBND các quận, huyện.' },
  { section: 'III.2', heading: null, text: '(8) Tiếp tục nghiên cứu, đề xuất giải pháp, tập trung đào tạo nguồn nhân lực có chất lượng, đáp ứng nhu cầu của các doanh nghiệp; kết nối doanh nghiệp với các trường đại học, cao đẳng, trung cấp trọng điểm; tích cực tham gia triển khai Đề án phát triển Quan hệ lao động của thành phố để giảm bớt tiềm ẩn trong quan hệ lao động, hạn chế tranh chấp lao động tập thể.' },
  { section: 'III.2', heading: null, text: '(9) Tăng cường quản lý các nguồn thu, ngân sách, đặc biệt rà soát các doanh nghiệp hết hạn ưu đãi, các doanh nghiệp ghi ưu đãi chưa phù hợp, thu thuế các nhà thầu xây dựng đảm bảo thu đúng, thu đủ, không để thất thu ngân sách.' },
  { section: 'III.2', heading: null, text: '(10) Tập trung đẩy mạnh công tác cải cách thủ tục hành chính, nhất là dịch vụ công cấp độ 3, cấp độ 4; tiếp tục rà soát, sửa đổi, bổ sung, rút gọn, đơn giản hóa, rút ngắn thời gian thực hiện các thủ tục hành chính thuộc thẩm quyền giải quyết; duy trì hiệu quả các kênh tiếp nhận thông tin phản ánh, kiến nghị của doanh nghiệp (đường dây nóng, hộp thư điện tử, ...); thường xuyên tổ chức hội nghị đối thoại hàng tháng, hàng quý hoặc đột xuất để tiếp nhận, giải quyết các ý kiến kiến nghị, tháo gỡ khó khăn cho doanh nghiệp.' },
  { section: 'III.2', heading: null, text: '(11) Đôn đốc thực hiện Kế hoạch thực hiện Nghị quyết số 06-NQ/TU về nhiệm vụ và giải pháp đẩy mạnh công tác quản lý, phát triển các khu công nghiệp, cụm công nghiệp trên địa bàn thành phố đến năm 2025, định hướng đến năm 2030.' },
  { section: 'III.2', heading: null, text: '(12) Tổ chức bồi dưỡng nâng cao năng lực cho các cán bộ, công chức, viên chức; phát huy tốt dân chủ, xây dựng đoàn kết; kiên quyết xử lý những biểu hiện “tự diễn biến”, “tự chuyển hóa”, xây dựng đội ngũ cán bộ, công chức dấn thân, giàu khát vọng, chất lượng cao, chuyên nghiệp, đoàn kết.' },
  { section: 'III.2', heading: null, text: '(13) Thực hiện Kế hoạch, tổ chức chuỗi hoạt động, sự kiện chào mừng kỷ niệm 30 năm thành lập Ban Quản lý (dự kiến vào trung tuần tháng 7/2023).' },

  // Kết luận
  { section: 'KetLuan', heading: null, text: 'Trên đây là những nội dung cơ bản về công tác thi đua khen thưởng của Ban Quản lý Khu kinh tế Hải Phòng đã thực hiện 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2023./.' },
];

export const exampleRecipients: string[] = [
  'UBND thành phố',
  'Ban TĐKT thành phố',
  'Sở TNMT (Trưởng khối TĐKT)',
  'Đảng ủy cơ quan',
  'Lãnh đạo Ban',
  'Các phòng chuyên môn',
  'Lưu: VP/BQL',
];
