import { Body1, Button, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import type { UiLanguage } from '../i18n';
import type { Translate } from '../i18n';
import type { PaneState, PreviewForm } from '../state';
import { useStyles } from './styles';

interface Props {
  state: PaneState;
  t: Translate;
  onEdit(patch: Partial<PreviewForm>): void;
  onLanguage(lang: UiLanguage): void;
  onAnalyze(): void;
}

export function PreviewFormView({ state, t, onEdit, onLanguage, onAnalyze }: Props) {
  const s = useStyles();
  const f = state.preview;
  return (
    <form
      className={s.form}
      aria-label={t('previewTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        onAnalyze();
      }}
    >
      <Body1>{t('previewIntro')}</Body1>
      <Field label={t('previewLanguage')}>
        <Select value={state.lang} onChange={(_, d) => onLanguage(d.value === 'zh' ? 'zh' : 'en')} name="language">
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </Select>
      </Field>
      <Field label={t('previewKind')}>
        <RadioGroup layout="horizontal" value={f.kind} onChange={(_, d) => onEdit({ kind: d.value === 'event' ? 'event' : 'message' })}>
          <Radio value="message" label={t('previewKindMessage')} />
          <Radio value="event" label={t('previewKindEvent')} />
        </RadioGroup>
      </Field>
      {f.kind === 'message' ? (
        <>
          <Field label={t('previewTo')}>
            <Input name="to" value={f.to} onChange={(_, d) => onEdit({ to: d.value })} />
          </Field>
          <Field label={t('previewCc')}>
            <Input name="cc" value={f.cc} onChange={(_, d) => onEdit({ cc: d.value })} />
          </Field>
        </>
      ) : (
        <>
          <Field label={t('previewAttendees')}>
            <Input name="attendees" value={f.attendees} onChange={(_, d) => onEdit({ attendees: d.value })} />
          </Field>
          <Field label={t('previewStart')}>
            <Input name="start" type="datetime-local" value={f.start} onChange={(_, d) => onEdit({ start: d.value })} />
          </Field>
          <Field label={t('previewEnd')}>
            <Input name="end" type="datetime-local" value={f.end} onChange={(_, d) => onEdit({ end: d.value })} />
          </Field>
        </>
      )}
      <Field label={t('previewSubject')}>
        <Input name="subject" value={f.subject} onChange={(_, d) => onEdit({ subject: d.value })} />
      </Field>
      <Field label={t('previewBody')}>
        <Textarea name="body" className={s.textarea} resize="vertical" value={f.body} onChange={(_, d) => onEdit({ body: d.value })} />
      </Field>
      <Button appearance="primary" type="submit" disabled={state.analysis.status === 'running'}>
        {t('analyze')}
      </Button>
    </form>
  );
}
