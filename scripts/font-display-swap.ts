// PostCSS plugin for the renderer builds: adds `font-display: swap` to every @font-face rule that
// sets none. The KERN-UX font files declare none, so browsers hid all text until Fira Sans had
// loaded; on a slow connection a citizen saw empty boxes. With swap the text shows at once in a
// fallback font and changes to Fira Sans when it arrives.
interface Declaration {
  type: string;
  prop?: string;
}

// S is PostCSS's Source type, which this file takes from the rule instead of importing postcss.
interface FontFaceRule<S> {
  nodes?: Declaration[];
  source?: S;
  append(declaration: { prop: string; value: string; source?: S }): void;
}

export function fontDisplaySwap() {
  return {
    postcssPlugin: 'antragsdesk-font-display-swap',
    AtRule: {
      'font-face': <S>(rule: FontFaceRule<S>) => {
        const hasFontDisplay = rule.nodes?.some((node) => node.type === 'decl' && node.prop === 'font-display') ?? false;
        // The rule's source goes with the new declaration: Vite warns about every declaration
        // without one, because it cannot resolve url() relative to an unknown file.
        if (!hasFontDisplay) rule.append({ prop: 'font-display', value: 'swap', source: rule.source });
      },
    },
  };
}
