import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background';

// It must stay a real service worker so e2e tests can read the extension id from it.
export default defineBackground(() => {
  startBackground();
});
