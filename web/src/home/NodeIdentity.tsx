import { useTranslation } from 'react-i18next';
import type { NodeInfo } from '../api/types';
import { countryName, formatDate } from '../i18n/format';
import { useLocale } from '../i18n/useLocale';

/** The agency this node belongs to and the key partners use to check its signatures. */
export function NodeIdentity({ node }: { node: NodeInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="node-identity-title">
      <h2 id="node-identity-title">{t('home.identity.title')}</h2>
      <dl className="facts">
        <dt>{t('home.identity.agency')}</dt>
        <dd>
          {node.agencyName} <span className="agency-code">{node.agencyCode}</span>
        </dd>
        <dt>{t('home.identity.country')}</dt>
        <dd>{node.country ? countryName(node.country, locale) : t('home.identity.countryUnset')}</dd>
        <dt>{t('home.identity.fingerprint')}</dt>
        <dd>
          <code className="fingerprint" data-testid="fingerprint">
            {node.fingerprint}
          </code>
          <p className="fact-note">{t('home.identity.fingerprintNote')}</p>
        </dd>
        <dt>{t('home.identity.keyCreated')}</dt>
        <dd>{formatDate(node.keyCreatedAt, locale)}</dd>
        <dt>{t('home.identity.software')}</dt>
        <dd>
          {t('home.identity.version', { version: node.version })} ·{' '}
          {node.database === 'postgresql'
            ? t('home.identity.databasePostgres')
            : t('home.identity.databaseEmbedded')}
        </dd>
      </dl>
    </section>
  );
}
