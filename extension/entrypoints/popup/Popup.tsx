import { browser } from 'wxt/browser';

// Skeleton: the extension engineer adds connection status and the current lead here.
export function Popup() {
  return (
    <main>
      <h1>Leadlens</h1>
      <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  );
}
