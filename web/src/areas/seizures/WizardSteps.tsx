import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

export type StepName = 'upload' | 'mapping' | 'preview' | 'run' | 'report';

const STEPS: { name: StepName; label: ParseKeys }[] = [
  { name: 'upload', label: 'seizures.wizard.steps.upload' },
  { name: 'mapping', label: 'seizures.wizard.steps.mapping' },
  { name: 'preview', label: 'seizures.wizard.steps.preview' },
  { name: 'run', label: 'seizures.wizard.steps.run' },
  { name: 'report', label: 'seizures.wizard.steps.report' },
];

/** Where the person is in the import, as an ordered list with the current step marked for screen readers. */
export function WizardSteps({ current }: { current: StepName }) {
  const { t } = useTranslation();
  const at = STEPS.findIndex((s) => s.name === current);
  return (
    <ol className="wizard-steps" aria-label={t('seizures.wizard.stepsLabel')}>
      {STEPS.map((s, i) => (
        <li
          key={s.name}
          aria-current={i === at ? 'step' : undefined}
          className={i < at ? 'done' : i === at ? 'current' : undefined}
        >
          {t(s.label)}
        </li>
      ))}
    </ol>
  );
}
