/**
 * Puts plain text into a rich-text email body (Gmail's and Outlook's contenteditable composers)
 * where the user's caret is. Only text nodes are created — never markup from a string — so a
 * talking point can never carry HTML into an email.
 */

/** The range to insert at: the selection's, when it lies inside `body`; otherwise null. */
function rangeInside(body: HTMLElement, range: Range | null | undefined): Range | null {
  if (!range) return null;
  const container = range.commonAncestorContainer;
  return body === container || body.contains(container) ? range : null;
}

function currentRange(body: HTMLElement): Range | null {
  const selection = body.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return rangeInside(body, selection.getRangeAt(0));
}

/**
 * Inserts `text` at the caret (replacing selected text) inside `body`, or at the end of the body
 * when the caret is elsewhere. `remembered` is the caret the user last had in the body (clicking
 * a button in the card may have moved the document's selection). Leaves the caret after the
 * inserted text and tells the editor with an `input` event, as typing would.
 */
export function insertAtCaret(body: HTMLElement, text: string, remembered?: Range | null): void {
  const doc = body.ownerDocument;
  const node = doc.createTextNode(text);
  const range = rangeInside(body, remembered) ?? currentRange(body);
  if (range) {
    range.deleteContents();
    range.insertNode(node);
  } else {
    // No caret in the body: a new line at the end, so the point does not run into the last sentence.
    const hasText = (body.textContent ?? '').trim() !== '';
    if (hasText) {
      const line = doc.createElement('div');
      line.append(node);
      body.append(line);
    } else {
      body.append(node);
    }
  }
  const after = doc.createRange();
  after.setStartAfter(node);
  after.collapse(true);
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(after);
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/**
 * Remembers where the caret last was inside the email body (found anew each time, since the
 * composer can be re-created), so an insert after a click elsewhere still lands there.
 * Returns the reader and the function that stops listening.
 */
export function rememberCaret(doc: Document, findBody: () => HTMLElement | null) {
  let last: Range | null = null;
  const onSelectionChange = () => {
    const body = findBody();
    if (!body) return;
    const range = currentRange(body);
    if (range) last = range.cloneRange();
  };
  doc.addEventListener('selectionchange', onSelectionChange);
  return {
    /** The last caret inside the current body, if it is still inside it. */
    caret(body: HTMLElement): Range | null {
      return rangeInside(body, last);
    },
    stop() {
      doc.removeEventListener('selectionchange', onSelectionChange);
    },
  };
}
