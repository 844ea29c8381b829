import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../api/useApiData';
import { LoadState } from '../../ui/LoadState';
import { PageHeading } from '../../ui/PageHeading';
import { REGISTRY_API, today, type UpcomingAnswer } from './model';
import { UpcomingList } from './UpcomingList';

const plusMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Meetings of every mechanism in a period: those recorded and those the cadences make due. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState({ from: today(), to: plusMonths(today(), 24) });
  const [input, setInput] = useState(range);
  const upcoming = useApiData<UpcomingAnswer>(
    `${REGISTRY_API}/meetings/upcoming?from=${range.from}&to=${range.to}`,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(input);
  };
  return (
    <article className="area registry" data-area="registry">
      <p className="breadcrumb">
        <Link to="/registry">{t('areas.registry.title')}</Link>
      </p>
      <PageHeading title={t('registry.calendar.title')}>{t('registry.calendar.title')}</PageHeading>
      <p className="lead">{t('registry.calendar.lead')}</p>
      <form className="search-form calendar-range" onSubmit={submit}>
        <div>
          <label htmlFor="calendar-from">{t('registry.calendar.from')}</label>
          <input
            id="calendar-from"
            type="date"
            value={input.from}
            onChange={(e) => setInput({ ...input, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="calendar-to">{t('registry.calendar.to')}</label>
          <input
            id="calendar-to"
            type="date"
            value={input.to}
            onChange={(e) => setInput({ ...input, to: e.target.value })}
          />
        </div>
        <button type="submit" className="primary">
          {t('registry.mechanism.show')}
        </button>
      </form>
      <section className="card" aria-labelledby="calendar-list-title">
        <h2 id="calendar-list-title">{t('registry.calendar.listTitle')}</h2>
        <LoadState loadable={upcoming}>{(data) => <UpcomingList data={data} showMechanism />}</LoadState>
      </section>
    </article>
  );
}
