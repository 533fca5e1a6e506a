import { Component, type ReactNode } from 'react';

/**
 * Last line of defence: a rendering error shows a message and a way back instead of a blank page.
 * Answers are already on the server (or in the autosave outbox), so reloading loses nothing.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    // Outside the i18n provider's reach if it failed itself: both languages, briefly.
    return (
      <main id="main" className="panel error-panel" role="alert">
        <h1>Something went wrong / Une erreur est survenue</h1>
        <p>{this.state.error.message}</p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload / Recharger
          </button>
        </p>
      </main>
    );
  }
}
