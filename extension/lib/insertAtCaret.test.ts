import { describe, expect, it } from 'vitest';
import { insertAtCaret, rememberCaret } from './insertAtCaret';

/** An email body with one `<div>` per line (as Gmail writes them), and a button outside it. */
function composeBody(...lines: string[]): HTMLElement {
  const body = document.createElement('div');
  body.contentEditable = 'true';
  body.setAttribute('role', 'textbox');
  body.setAttribute('aria-label', 'Message Body');
  for (const line of lines) {
    const div = document.createElement('div');
    div.textContent = line;
    body.append(div);
  }
  const button = document.createElement('button');
  button.textContent = 'elsewhere';
  document.body.replaceChildren(body, button);
  return body;
}

function placeCaret(node: Node, offset: number, endOffset = offset) {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, endOffset);
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

describe('insertAtCaret', () => {
  it('inserts plain text at the caret inside a contenteditable', () => {
    const body = composeBody('Hello world');
    const text = body.querySelector('div')?.firstChild as Text;
    placeCaret(text, 6);
    insertAtCaret(body, 'dear ');
    expect(body.textContent).toBe('Hello dear world');
    expect(body.querySelectorAll('*')).toHaveLength(1);
  });

  it('replaces the selected text', () => {
    const body = composeBody('Hello world');
    placeCaret(body.querySelector('div')?.firstChild as Text, 6, 11);
    insertAtCaret(body, 'team');
    expect(body.textContent).toBe('Hello team');
  });

  it('never turns the text into markup', () => {
    const body = composeBody('Hi ');
    placeCaret(body.querySelector('div')?.firstChild as Text, 3);
    insertAtCaret(body, '<img src=x onerror="alert(1)"><b>bold</b>');
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('b')).toBeNull();
    expect(body.textContent).toBe('Hi <img src=x onerror="alert(1)"><b>bold</b>');
  });

  it('appends on a new line at the end of the body when the caret is outside it', () => {
    const body = composeBody('Hello,');
    placeCaret(document.querySelector('button')?.firstChild as Text, 2);
    insertAtCaret(body, 'One shared definition of an MQL.');
    expect(body.lastElementChild?.textContent).toBe('One shared definition of an MQL.');
    expect(body.textContent).toBe('Hello,One shared definition of an MQL.');
  });

  it('puts the caret after the inserted text and tells the editor with an input event', () => {
    const body = composeBody();
    const events: InputEvent[] = [];
    body.addEventListener('input', (event) => events.push(event as InputEvent));
    insertAtCaret(body, 'Point');
    expect(body.textContent).toBe('Point');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toBe('Point');
    const range = document.getSelection()?.getRangeAt(0);
    expect(range?.collapsed).toBe(true);
    insertAtCaret(body, ' two');
    expect(body.textContent).toBe('Point two');
  });

  it('uses the remembered caret after the selection moved out of the body', () => {
    const body = composeBody('Dear Giulia, thanks');
    const memory = rememberCaret(document, () => body);
    placeCaret(body.querySelector('div')?.firstChild as Text, 13);
    document.dispatchEvent(new Event('selectionchange'));
    placeCaret(document.querySelector('button')?.firstChild as Text, 1);
    document.dispatchEvent(new Event('selectionchange'));
    insertAtCaret(body, 'X ', memory.caret(body));
    expect(body.textContent).toBe('Dear Giulia, X thanks');
    memory.stop();
  });
});
