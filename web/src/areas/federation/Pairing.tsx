import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/useLocale';
import { Field } from '../../ui/Field';
import { LoadState } from '../../ui/LoadState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { ActionError, FederationNav, Fingerprint, useAction, useCanManage } from './Common';
import { formatDateTime } from './format';
import { FEDERATION_API, type Invitation, type Partner, type Status } from './model';
import { useResource } from './useResource';

/** Pairing with a partner: this node's endpoint, an invitation to send, and accepting the partner's. */
export default function Pairing() {
  const { t } = useTranslation();
  const manage = useCanManage();
  const [status, reload] = useResource<Status>(`${FEDERATION_API}/status`);
  const [partners] = useResource<Partner[]>(`${FEDERATION_API}/partners`);
  const title = t('federation.pairing.title');
  return (
    <article className="area federation" data-area="federation">
      <PageHeading title={title}>{title}</PageHeading>
      <FederationNav />
      <p className="lead">{t('federation.pairing.lead')}</p>
      {!manage && <Notice tone="info">{t('federation.common.adminsOnly')}</Notice>}
      <LoadState loadable={partners}>{(list) => <PendingList partners={list} />}</LoadState>
      {manage && (
        <div className="fed-grid">
          <LoadState loadable={status}>{(s) => <EndpointForm status={s} onSaved={reload} />}</LoadState>
          <InviteForm />
          <AcceptForm />
        </div>
      )}
    </article>
  );
}

function PendingList({ partners }: { partners: Partner[] }) {
  const { t } = useTranslation();
  const pending = partners.filter((p) => p.state === 'pending');
  if (!pending.length) return null;
  return (
    <section className="card fed-pending" aria-labelledby="fed-pending-title">
      <h2 id="fed-pending-title">{t('federation.pairing.pending')}</h2>
      <ul>
        {pending.map((p) => (
          <li key={p.agency}>
            <Link to={`/federation/partners/${p.agency}`}>
              {t('federation.pairing.compare', { agency: p.agency, name: p.name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EndpointForm({ status, onSaved }: { status: Status; onSaved: () => void }) {
  const { t } = useTranslation();
  const [endpoint, setEndpoint] = useState(status.endpoint ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction((value: string | null) =>
    api<Status>(`${FEDERATION_API}/settings`, { method: 'PUT', body: { endpoint: value } }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = endpoint.trim().replace(/\/+$/, '');
    if (await action.go(value || null)) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section className="card" aria-labelledby="fed-endpoint-title">
      <h2 id="fed-endpoint-title">{t('federation.endpoint.title')}</h2>
      <form onSubmit={submit}>
        <Field
          label={t('federation.endpoint.label')}
          hint={t('federation.endpoint.hint')}
          type="url"
          value={endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          placeholder="https://liaison.example.gov"
        />
        <ActionError error={action.error} />
        {saved && !action.error && <Notice tone="info">{t('federation.endpoint.saved')}</Notice>}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('federation.endpoint.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const [forAgency, setFor] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const action = useAction((body: { for: string | null }) =>
    api<Invitation>(`${FEDERATION_API}/invitations`, { method: 'POST', body }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await action.go({ for: forAgency.trim().toUpperCase() || null });
    if (made) setInvitation(made);
  };
  return (
    <section className="card" aria-labelledby="fed-invite-title">
      <h2 id="fed-invite-title">{t('federation.invite.title')}</h2>
      <p>{t('federation.invite.lead')}</p>
      <form onSubmit={submit}>
        <Field
          label={t('federation.invite.for')}
          hint={t('federation.invite.forHint')}
          value={forAgency}
          onChange={(e) => setFor(e.target.value)}
          autoComplete="off"
        />
        <ActionError error={action.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('federation.invite.create')}
          </button>
        </div>
      </form>
      {invitation && <InvitationText invitation={invitation} />}
    </section>
  );
}

/** The invitation to send by any channel, and this node's fingerprint to read to the partner by another. */
function InvitationText({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.invitation);
      setCopied(true);
    } catch {
      // Clipboard access is refused on plain HTTP; the text stays selectable.
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
    }
  };
  return (
    <div className="fed-invitation" data-testid="invitation">
      <label htmlFor={id}>{t('federation.invite.text')}</label>
      <textarea id={id} readOnly rows={5} value={invitation.invitation} />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={copy}>
          {t('federation.invite.copy')}
        </button>
        {copied && <span role="status">{t('federation.invite.copied')}</span>}
      </div>
      <p>{t('federation.invite.expires', { when: formatDateTime(invitation.expiresAt, locale) })}</p>
      <h3>{t('federation.invite.fingerprint')}</h3>
      <p>{t('federation.invite.fingerprintNote')}</p>
      <Fingerprint value={invitation.fingerprint} testId="invitation-fingerprint" />
    </div>
  );
}

function AcceptForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState('');
  const action = useAction((invitation: string) =>
    api<Partner>(`${FEDERATION_API}/partners`, { method: 'POST', body: { invitation } }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const partner = await action.go(text.trim());
    if (partner) navigate(`/federation/partners/${partner.agency}`);
  };
  return (
    <section className="card" aria-labelledby="fed-accept-title">
      <h2 id="fed-accept-title">{t('federation.accept.title')}</h2>
      <p>{t('federation.accept.lead')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('federation.accept.label')}</label>
          <textarea
            id={id}
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="LIAISON-INVITE:…"
            required
          />
        </div>
        <ActionError error={action.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('federation.accept.button')}
          </button>
        </div>
      </form>
    </section>
  );
}
