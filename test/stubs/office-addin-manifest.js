// office-addin-mock only needs the OfficeApp host names from office-addin-manifest; the real
// package pulls in network and file-system code that unit tests have no use for.
'use strict';
const OfficeApp = {
  Excel: 'excel',
  OneNote: 'onenote',
  Outlook: 'outlook',
  PowerPoint: 'powerpoint',
  Project: 'project',
  Word: 'word',
};
module.exports = { OfficeApp };
