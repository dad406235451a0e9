import { createRoot } from 'react-dom/client';

// Placeholder until the citizen kiosk app lands; keeps the build graph of both entries real.
createRoot(document.getElementById('root')!).render(<main><h1>Antragsdesk – Bürgerterminal</h1></main>);
