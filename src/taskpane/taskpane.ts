import { Pane } from './pane';

Office.onReady(() => {
  new Pane(document).start();
});
