// "Unduh rapor": pick a unit, get its rapor as a PDF from the server (downloadRapor, base64)
// and hand it to the browser as a download.
import type { PanelState } from '../src/ui/panel-types';
import { el, field, replaceChildren } from './dom';
import { actionButton, expectOk, setLocked, statusArea, type Panel } from './panel';

/** The PDF as a file the browser saves. */
function saveFile(name: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = el('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function raporPicker(panel: Panel): { root: HTMLElement; update(state: PanelState): void } {
  const select = el('select');
  const area = statusArea();
  const download = actionButton(panel, panel.tr('panel.rapor.download'), area, async () => {
    const file = expectOk(await panel.call('downloadRapor', select.value));
    saveFile(file.name, file.pdf ?? '');
    return panel.tr('panel.rapor.done', { name: file.name });
  });
  const root = el('div', { className: 'rapor' }, field(panel.tr('panel.rapor.unit'), select), el('div', { className: 'actions' }, download), area);
  return {
    root,
    update(state) {
      const chosen = select.value;
      replaceChildren(select, ...state.units.filter((u) => u.link).map((u) => el('option', { attrs: { value: u.kode } }, `${u.kode} — ${u.nama}`)));
      if (chosen !== '') select.value = chosen;
      const none = select.options.length === 0;
      setLocked(select, !state.ready || none);
      setLocked(download, !state.ready || none);
    },
  };
}
