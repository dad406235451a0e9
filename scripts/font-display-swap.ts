// PostCSS plugin for the renderer builds: adds `font-display: swap` to every @font-face rule that
// sets none. The KERN-UX font files declare none, so browsers hid all text until Fira Sans had
// loaded; on a slow connection a citizen saw empty boxes. With swap the text shows at once in a
// fallback font and changes to Fira Sans when it arrives.
interface Declaration {
  type: string;
  prop?: string;
}

interface FontFaceRule {
  nodes?: Declaration[];
  append(declaration: { prop: string; value: string }): void;
}

export function fontDisplaySwap() {
  return {
    postcssPlugin: 'antragsdesk-font-display-swap',
    AtRule: {
      'font-face': (rule: FontFaceRule) => {
        const hasFontDisplay = rule.nodes?.some((node) => node.type === 'decl' && node.prop === 'font-display') ?? false;
        if (!hasFontDisplay) rule.append({ prop: 'font-display', value: 'swap' });
      },
    },
  };
}
