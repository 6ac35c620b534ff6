import type { Letter } from '../../../domain/src/effects';
import { stripReplyPrefixes } from '../../../domain/src/admissibility';
import type { ComplaintState } from '../../../domain/src/complaintState';
import { escapeHtml, headerText, plainText } from '../common/escape';
import { letterContent, type LetterBlock } from './letterContent';
import type { LetterSettings } from './letterSettings';

export interface RenderedLetter {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** A personal paragraph the handler added before the letter went out (escaped like everything else). */
  personalNote?: string;
}

/**
 * `Re: <subject without Re:/FW:> [K-2026-0001]`: the complainant recognises the thread and the number. The
 * subject is theirs, so it is defanged like any text of theirs: a subject is no place for markup either.
 */
export function letterSubject(complaintSubject: string, complaintNumber: string): string {
  const subject = plainText(headerText(stripReplyPrefixes(complaintSubject), 200)) || 'Uw klacht';
  return `Re: ${subject} [${complaintNumber}]`;
}

const paragraphStyle = 'margin:0 0 12px 0';

function htmlBlock(block: LetterBlock): string {
  switch (block.type) {
    case 'heading':
      return `<h2 style="font-size:15px;margin:20px 0 8px 0">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="${paragraphStyle}">${escapeHtml(block.text)}</p>`;
    case 'quote':
      return `<p style="${paragraphStyle};padding-left:12px;border-left:3px solid #c8c8c8">${escapeHtml(
        block.text.trim(),
      ).replace(/\r?\n/g, '<br>')}</p>`;
    case 'facts':
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 12px 0">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 16px 2px 0;color:#555555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
  }
}

function textBlock(block: LetterBlock): string {
  switch (block.type) {
    case 'heading':
      return plainText(block.text.toUpperCase());
    case 'paragraph':
      return plainText(block.text);
    case 'quote':
      return plainText(block.text.trim())
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${plainText(label)}: ${plainText(value)}`).join('\n');
  }
}

/**
 * A letter in its two renditions. The complainant's own words never appear as markup: every value is escaped
 * for HTML and defanged for text, and the e-mail's body is not quoted at all (a reply's draft quotes the
 * original; the mailer replaces that body with this one).
 */
export function renderLetter(
  letter: Letter,
  complaint: Pick<ComplaintState, 'subject' | 'handler'>,
  settings: LetterSettings,
  options: RenderOptions = {},
): RenderedLetter {
  const subject = letterSubject(complaint.subject, letter.complaintNumber);
  const content = letterContent(
    letter,
    { subject: headerText(stripReplyPrefixes(complaint.subject), 200), handler: complaint.handler },
    settings,
  );
  const note = options.personalNote?.trim();
  const [first, ...rest] = content.blocks;
  const blocks: LetterBlock[] = [
    ...(first ? [first] : []),
    ...(note ? [{ type: 'quote', text: note } as const] : []),
    ...rest,
  ];
  const salutation = `Geachte ${letter.to.name.trim() || 'heer/mevrouw'},`;
  const signature = settings.signature ?? [
    complaint.handler.name,
    settings.organisationName,
    settings.mailbox,
  ];
  const footer = `Deze brief gaat over klacht ${letter.complaintNumber} bij ${settings.organisationName}. U kunt op deze e-mail antwoorden of schrijven naar ${settings.mailbox}.`;

  const html = [
    '<!DOCTYPE html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    `<title>${escapeHtml(content.title)}</title></head>`,
    '<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1b1b1b">',
    `<h1 style="font-size:18px;margin:0 0 16px 0">${escapeHtml(content.title)}</h1>`,
    `<p style="${paragraphStyle}">${escapeHtml(salutation)}</p>`,
    ...blocks.map(htmlBlock),
    `<p style="${paragraphStyle}">Met vriendelijke groet,<br>${signature.map(escapeHtml).join('<br>')}</p>`,
    `<p style="margin:24px 0 0 0;font-size:12px;color:#555555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');

  const text = [
    plainText(content.title),
    '',
    plainText(salutation),
    '',
    ...blocks.flatMap((b) => [textBlock(b), '']),
    'Met vriendelijke groet,',
    ...signature.map(plainText),
    '',
    '--',
    plainText(footer),
    '',
  ].join('\n');

  return { subject, html, text };
}
