// HtmlService: an HTML output of one of the project's HTML files (dist/*.html, as clasp pushes
// them), which the Ui shows as the sidebar.
// https://developers.google.com/apps-script/reference/html/html-service
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from './context';
import { loud } from './loud';
import { recordCall, scriptError } from './script-app';

export function createHtmlService(ctx: ServiceContext, projectDir: string) {
  const output = (content: string) => {
    let title = '';
    const html = loud(
      {
        getContent: (): string => content,
        getTitle: (): string => title,
        setTitle: (next: string) => {
          recordCall(ctx, 'HtmlOutput', 'setTitle');
          title = String(next);
          return html;
        },
      },
      'HtmlOutput',
    );
    return html;
  };
  return loud(
    {
      createHtmlOutputFromFile: (filename: string) => {
        recordCall(ctx, 'HtmlService', 'createHtmlOutputFromFile');
        const file = join(projectDir, filename.endsWith('.html') ? filename : `${filename}.html`);
        if (!existsSync(file)) throw scriptError(ctx, `No HTML file named ${filename} was found.`);
        return output(readFileSync(file, 'utf8'));
      },
    },
    'HtmlService',
  );
}
