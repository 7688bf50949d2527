// Sidebar entry point. Text is always inserted with textContent, never innerHTML.
const app = document.getElementById('app');
if (app) {
  const p = document.createElement('p');
  p.textContent = 'Panel sekretariat pendampingan / Secretariat panel';
  app.appendChild(p);
}
