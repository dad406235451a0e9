import { createRoot } from 'react-dom/client';

// Placeholder until the clerk inbox lands; keeps the build graph of both entries real.
createRoot(document.getElementById('root')!).render(<main><h1>Antragsdesk – Sachbearbeitung</h1></main>);
