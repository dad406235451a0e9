// The Content Security Policy of every portal response. Scripts and styles come only from the
// portal's own files: no inline code, no eval (the web pages validate with zod, never with ajv,
// which compiles schemas to code at run time). `data:` images are KERN's SVG icons in the CSS.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
