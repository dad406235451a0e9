// The start screen: large tiles, one per service, with a search over names and descriptions.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { feeRange, type ServiceSummary } from '../../../src-shared/index.ts';
import type { Locale, Translate } from '../i18n/messages.ts';
import { formatFee, localiseServiceText, matchesServiceQuery } from '../i18n/service-texts.ts';
import { useCitizen, useHost, useT } from './context.tsx';
import { Alert } from './Alert.tsx';

export const SERVICES_QUERY_KEY = ['citizen', 'services'] as const;

export function ServicePicker() {
  const t = useT();
  const { backend } = useHost();
  const startService = useCitizen((state) => state.startService);
  const [query, setQuery] = useState('');
  const searchId = useId();

  const services = useQuery({ queryKey: SERVICES_QUERY_KEY, queryFn: () => backend.listServices() });

  const matching = (services.data ?? [])
    .filter((service) => matchesServiceQuery(service, query))
    .sort((left, right) => left.name.localeCompare(right.name, 'de'));

  return (
    <section aria-labelledby="picker-heading" className="citizen-stack">
      <hgroup className="citizen-heading-group">
        <h1 id="picker-heading" className="kern-heading-large">{t('picker.heading')}</h1>
        <p className="kern-body kern-body--large">{t('picker.intro')}</p>
      </hgroup>

      <div className="kern-form-input citizen-search">
        <label className="kern-label" htmlFor={searchId}>{t('picker.search')}</label>
        <div className="kern-hint" id={`${searchId}-hint`}>{t('picker.searchHint')}</div>
        <input
          id={searchId}
          className="kern-form-input__input"
          type="search"
          autoComplete="off"
          value={query}
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>

      {services.isPending && <p className="kern-body" role="status">{t('app.loading')}</p>}

      {services.isError && (
        <Alert kind="danger" title={t('picker.loadFailed')}>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => services.refetch()}>
            <span className="kern-label">{t('picker.retry')}</span>
          </button>
        </Alert>
      )}

      {services.isSuccess && (
        <>
          <p className="kern-sr-only" role="status">{t('picker.resultCount', { count: matching.length })}</p>
          {matching.length === 0 ? (
            <p className="kern-body">{t('picker.noResults')}</p>
          ) : (
            <ul className="citizen-tiles" aria-labelledby="picker-heading">
              {matching.map((service) => (
                <li key={service.id}>
                  <ServiceTile service={service} onChoose={() => startService(service.id, service.version)} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ServiceTile({ service, onChoose }: { service: ServiceSummary; onChoose: () => void }) {
  const t = useT();
  const locale = useCitizen((state) => state.locale);
  const text = localiseServiceText(service, locale);

  // The tile's accessible name is its whole visible text (name, description, fee), so speech
  // input users can say what they see (WCAG 2.5.3).
  return (
    <button type="button" className="citizen-tile" onClick={onChoose}>
      <span className="citizen-tile__name kern-heading-small" lang={text.lang}>{text.name}</span>
      <span className="citizen-tile__details">
        <span className="kern-body" lang={text.lang}>{text.description}</span>
        {text.germanOnly && <span className="kern-body kern-body--small kern-body--muted">{t('app.germanOnly')}</span>}
        <span className="kern-body kern-body--small">
          {feeText(service, locale, t)}
          {' · '}
          {t('picker.deadline', { days: service.deadlineDays })}
        </span>
      </span>
    </button>
  );
}

/** Formats the fee on a tile: the price, "from" the cheapest price when the form can change it, or no fee. */
function feeText(service: ServiceSummary, locale: Locale, t: Translate): string {
  const { fromCents, varies } = feeRange(service);
  if (fromCents === 0 && !varies) return t('picker.free');
  return t(varies ? 'picker.feeFrom' : 'picker.fee', { fee: formatFee(fromCents, locale) });
}
