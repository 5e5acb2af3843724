/**
 * Every attribute of HTML (current and obsolete), SVG and MathML that holds a
 * URL the browser may fetch or navigate to. The sanitiser (sanitize.ts) keeps
 * none of them: an address survives only as `data-href` on a link (offered as
 * a QR code) or `data-src` on an image (looked up in the files stored with the
 * revision). The hostile tests use this list to try each one on every element.
 */
export const URL_ATTRIBUTES = [
  'href', 'src', 'srcset', 'imagesrcset', 'action', 'formaction', 'background', 'poster', 'cite', 'data',
  'longdesc', 'ping', 'manifest', 'codebase', 'archive', 'classid', 'icon', 'profile', 'usemap', 'itemtype',
  'xlink:href', 'lowsrc', 'dynsrc', 'srcdoc', 'attributionsrc', 'content', 'xml:base', 'xmlns', 'xmlns:xlink',
] as const
