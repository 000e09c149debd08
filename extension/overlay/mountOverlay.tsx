import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { LeadCard, type LeadCardResult } from './LeadCard';

// Shown until adapters and scoring are wired in: nothing is known about the person yet.
const UNKNOWN_PERSON: LeadCardResult = {
  quadrant: 'explore',
  score: 0,
  fit: 0,
  interest: 0,
  stage: 'unknown',
  personas: [],
  modelVersion: 0,
};

export async function mountOverlay(ctx: ContentScriptContext) {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'leadlens-overlay',
    position: 'overlay',
    anchor: 'body',
    // Open so the page's own tooling (and e2e locators) can see the card; the page still can't style it.
    mode: 'open',
    onMount(container) {
      const root = createRoot(container);
      root.render(<LeadCard result={UNKNOWN_PERSON} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return ui;
}
