// Pengaturan: language, admins, deadline, profile and the texts of the findings emails, once the
// workbook is set up. Only admins see it; the server validates every value and answers in the
// workbook's language.
import type { PanelState, SettingsPatch } from '../../src/ui/panel-types';
import { el, field } from '../dom';
import { actionButton, expectOk, sectionShell, statusArea, type Panel, type Section } from '../panel';

export function settingsSection(panel: Panel): Section {
  const { root, body } = sectionShell('pengaturan', panel.tr('panel.settings.title'), false);
  const area = statusArea();
  const language = el(
    'select',
    {},
    el('option', { attrs: { value: 'id', lang: 'id' } }, panel.tr('panel.settings.lang.id')),
    el('option', { attrs: { value: 'en', lang: 'en' } }, panel.tr('panel.settings.lang.en')),
  );
  const admins = el('input', { attrs: { type: 'text', autocomplete: 'off' } });
  const deadline = el('input', { attrs: { type: 'date' } });
  const profile = el('select');
  const name = el('input', { attrs: { type: 'text' } });
  const office = el('input', { attrs: { type: 'text' } });
  const replyTo = el('input', { attrs: { type: 'email', autocomplete: 'off' } });
  let saved: PanelState['settings'] | null = null;

  /** Only what the user changed, so a save never overwrites a value edited elsewhere meanwhile. */
  const patch = (): SettingsPatch => {
    const out: SettingsPatch = {};
    if (!saved) return out;
    const changed = (key: keyof SettingsPatch, now: string, before: string): void => {
      if (now.trim() !== before) out[key] = now;
    };
    changed('bahasa', language.value, saved.bahasa);
    changed('email_admin', admins.value, saved.emailAdmin.join(', '));
    changed('batas_waktu', deadline.value, saved.batasWaktu);
    changed('profil', profile.value, saved.profil);
    changed('nama_kegiatan', name.value, saved.namaKegiatan);
    changed('instansi_penilai', office.value, saved.instansiPenilai);
    changed('email_balasan', replyTo.value, saved.emailBalasan);
    return out;
  };
  const save = actionButton(panel, panel.tr('panel.settings.save'), area, async () => {
    expectOk(await panel.call('saveSettings', patch()));
    await panel.refresh();
    return panel.tr('panel.settings.saved');
  });
  body.append(
    field(panel.tr('panel.settings.language'), language),
    field(panel.tr('panel.settings.admins'), admins, panel.tr('panel.settings.adminsHint')),
    field(panel.tr('panel.settings.deadline'), deadline),
    field(panel.tr('panel.settings.profile'), profile, panel.tr('panel.settings.profileHint')),
    field(panel.tr('panel.settings.name'), name),
    field(panel.tr('panel.settings.office'), office),
    field(panel.tr('panel.settings.replyTo'), replyTo),
    el('div', { className: 'actions' }, save),
    area,
  );

  return {
    root,
    update(state: PanelState) {
      const s = state.settings;
      saved = s;
      root.hidden = !state.ready;
      while (profile.firstChild) profile.removeChild(profile.firstChild);
      for (const p of state.profiles) profile.append(el('option', { attrs: { value: p.id, title: p.summary } }, `${p.name} (${p.id})`));
      language.value = s.bahasa;
      admins.value = s.emailAdmin.join(', ');
      deadline.value = s.batasWaktu;
      profile.value = s.profil;
      name.value = s.namaKegiatan;
      office.value = s.instansiPenilai;
      replyTo.value = s.emailBalasan;
    },
  };
}
