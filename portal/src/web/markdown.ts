// Renders the small Markdown subset of the citizen help page to HTML with KERN classes:
// headings (#, ##, ###), paragraphs, bullet and numbered lists, **bold**, `code` and links.
// Everything else stays text. All input is escaped first, so the file cannot inject markup.
import { escapeHtml } from '../mail/citizen-mails.ts';

const HEADING_CLASSES = ['kern-heading-large', 'kern-heading-medium', 'kern-heading-small'];

export function renderMarkdown(markdown: string): string {
  const html: string[] = [];
  let paragraph: string[] = [];
  let list = null as { tag: 'ul' | 'ol'; items: string[] } | null;

  const flushParagraph = () => {
    if (paragraph.length > 0) html.push(`<p class="kern-body">${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const kind = list.tag === 'ul' ? 'kern-list--bullet' : 'kern-list--number';
      html.push(`<${list.tag} class="kern-list ${kind}">${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${list.tag}>`);
    }
    list = null;
  };

  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+\.\s+(.*)$/.exec(line);

    if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1]!.length;
      html.push(`<h${level} class="${HEADING_CLASSES[level - 1]}">${inline(heading[2]!)}</h${level}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (list?.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (list && /^\s+\S/.test(rawLine)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return html.join('\n');
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, href: string) =>
      // Only site-relative links and https; a javascript: URL stays text.
      href.startsWith('/') || href.startsWith('https://') ? `<a class="kern-link" href="${href}">${label}</a>` : label);
}
