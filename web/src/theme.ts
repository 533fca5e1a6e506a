import type { Theme } from '../../src/core/api/contracts.ts';

const STORAGE_KEY = 'certprep.theme';
const darkQuery = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);
let following: MediaQueryList | null = null;

function resolve(theme: Theme): 'light' | 'dark' | 'contrast' {
  return theme === 'system' ? (darkQuery()?.matches ? 'dark' : 'light') : theme;
}
const onSystemChange = () => {
  document.documentElement.dataset.theme = resolve('system');
};

/**
 * Applies a colour theme (styles.css reads `data-theme`: light, dark or contrast) and remembers it in
 * this browser, so the next visit starts in it before the session is known. `system` follows the
 * device's light or dark setting, also when it changes.
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = resolve(theme);
  following?.removeEventListener('change', onSystemChange);
  following = theme === 'system' ? darkQuery() : null;
  following?.addEventListener('change', onSystemChange);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered in this browser; the account still keeps it.
  }
}

/** The theme this browser last used (before sign-in), or the system's. */
export function storedTheme(): Theme {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'light' || v === 'dark' || v === 'contrast' || v === 'system') return v;
  } catch {
    // Storage blocked: follow the system.
  }
  return 'system';
}
