import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountOverlay } from '../overlay/mountOverlay';
import '../overlay/overlay.css';

// The five supported sites; production builds run nowhere else.
const SITE_MATCHES = [
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.live.com/*',
  '*://www.linkedin.com/*',
  '*://app.hubspot.com/*',
  '*://*.lightning.force.com/*',
];

// Local demo pages (`npm start`) are only matched by non-production builds
// (`wxt build --mode development`), so the store build never touches localhost.
const LOCAL_DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineContentScript({
  matches: import.meta.env.MODE === 'production' ? SITE_MATCHES : [...SITE_MATCHES, ...LOCAL_DEMO_MATCHES],
  cssInjectionMode: 'ui',
  async main(ctx) {
    await mountOverlay(ctx);
  },
});
