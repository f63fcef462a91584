import { Body1, Button, Caption1, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Checkmark20Regular } from '@fluentui/react-icons';
import type { Commitment } from '../contract';
import { formatTime, type Translate } from '../i18n';
import type { PaneState } from '../state';
import { ErrorBar } from './ErrorBar';
import { useStyles } from './styles';

interface Props {
  state: PaneState;
  t: Translate;
  apiWhere: string;
  onRefresh(): void;
  onDone(id: string): void;
}

export function CommitmentsView({ state, t, apiWhere, onRefresh, onDone }: Props) {
  const s = useStyles();
  const c = state.commitments;
  const group = (title: string, list: Commitment[], testId: string, note?: string | null) => (
    <section className={s.section} data-testid={testId}>
      <Subtitle2 as="h2">
        {title} ({list.length})
      </Subtitle2>
      {note && <Caption1 className={s.soft}>{note}</Caption1>}
      {list.length === 0 ? (
        <Caption1 className={s.soft}>{t('commitmentsNone')}</Caption1>
      ) : (
        <ul className={s.list}>
          {list.map((item) => (
            <li key={item.id} className={s.vague}>
              <Text weight="semibold" className={s.wrap}>
                {item.what}
              </Text>
              {item.subject && <Caption1 className={s.quote}>{item.subject}</Caption1>}
              <Caption1 className={s.quote}>
                {[item.who.map((w) => w.name || w.address).join(', '), item.due ? t('due', formatTime(item.due, state.lang)) : t('noDue'), item.nextStep ? t(`nextStep_${item.nextStep}`) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
              {item.reason && <Caption1 className={s.quote}>{item.reason}</Caption1>}
              {item.status !== 'done' && (
                <Button size="small" appearance="subtle" icon={<Checkmark20Regular />} onClick={() => onDone(item.id)}>
                  {t('markDone')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className={s.section}>
      <div className={s.row}>
        <Button size="small" icon={<ArrowClockwise20Regular />} onClick={onRefresh} disabled={c.status === 'running'}>
          {t('refresh')}
        </Button>
        {c.status === 'running' && <Spinner size="extra-tiny" label={t('commitmentsLoading')} />}
      </div>
      {c.status === 'error' && c.error && <ErrorBar error={c.error} t={t} where={apiWhere} testId="commitments-error" />}
      {group(t('commitmentsOverdue'), c.overdue, 'commitments-overdue')}
      {group(t('commitmentsStalled'), c.stalled, 'commitments-stalled', c.stalledNote)}
      {group(t('commitmentsOpen'), c.open, 'commitments-open')}
      {c.status === 'idle' && <Body1>{t('commitmentsLoading')}</Body1>}
    </div>
  );
}
