import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './Tabs';

function Harness() {
  const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
  return (
    <Tabs
      label="Sections"
      idPrefix="t"
      tabs={[
        { id: 'a', label: 'Alpha' },
        { id: 'b', label: 'Beta' },
        { id: 'c', label: 'Gamma' },
      ]}
      selected={selected}
      onSelect={setSelected}
    >
      <p>panel {selected}</p>
    </Tabs>
  );
}

describe('tabs', () => {
  it('is a labelled tablist whose panel is labelled by the selected tab', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Alpha' }).id);
    expect(screen.getByRole('tab', { name: 'Alpha' }).getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the tab order.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
  });

  it('moves with the arrow keys, Home and End, wrapping around, and focuses the new tab', () => {
    render(<Harness />);
    const list = screen.getByRole('tablist');
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByText('panel b')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Beta' }));
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByText('panel c')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByText('panel a')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(screen.getByText('panel c')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Alpha' }).getAttribute('aria-selected')).toBe('true');
  });
});
