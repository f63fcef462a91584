import {
  Badge,
  Body1,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  CheckmarkCircle20Filled,
  Circle20Regular,
  DismissCircle20Filled,
  TextAddT20Regular,
} from '@fluentui/react-icons';
import type { DraftAnalysis } from '../contract';
import type { Translate } from '../i18n';
import { elementRows, outcomeTone, shouldOfferTemplate } from '../logic/view';
import type { PaneState } from '../state';
import { Blanks } from './Blanks';
import { ErrorBar } from './ErrorBar';
import { useStyles } from './styles';

interface Props {
  state: PaneState;
  t: Translate;
  apiWhere: string;
  onReanalyze(): void;
  onInsertTemplate(): void;
}

export function CheckView({ state, t, apiWhere, onReanalyze, onInsertTemplate }: Props) {
  const s = useStyles();
  const { analysis, template } = state;
  const result = analysis.result;
  const running = analysis.status === 'running';
  return (
    <div className={s.section} aria-busy={running}>
      <div className={s.row}>
        {state.mode === 'outlook' && (
          <Button icon={<ArrowClockwise20Regular />} onClick={onReanalyze} disabled={running} size="small">
            {t('reanalyze')}
          </Button>
        )}
        {running && <Spinner size="extra-tiny" label={t('analyzing')} data-testid="progress" />}
      </div>
      {state.sendPaused && (
        <MessageBar intent="warning" data-testid="send-paused">
          <MessageBarBody>
            {t('sendPaused', state.sendPaused.map((name) => t(`element_${name}`)).join(state.lang === 'zh' ? '、' : ', '))}
          </MessageBarBody>
        </MessageBar>
      )}
      {analysis.status === 'error' && analysis.error && <ErrorBar error={analysis.error} t={t} where={apiWhere} testId="api-error" />}
      {result && <AnalysisView result={result} subject={analysis.draft?.subject ?? null} t={t} />}
      {result && shouldOfferTemplate(result) && (
        <div className={s.section}>
          <Divider />
          <Subtitle2 as="h2">{t('templateHeading')}</Subtitle2>
          <div className={s.template} data-testid="template-text" lang={result.closingTemplate.language}>
            <Blanks text={result.closingTemplate.text} />
          </div>
          <Button
            appearance="primary"
            icon={<TextAddT20Regular />}
            onClick={onInsertTemplate}
            disabled={template.status === 'inserting'}
          >
            {t('insertTemplate')}
          </Button>
          {state.mode === 'preview' && <Caption1 className={s.soft}>{t('previewTemplateNote')}</Caption1>}
          {template.status === 'inserted' && (
            <MessageBar intent="success">
              <MessageBarBody>{t('templateInserted')}</MessageBarBody>
            </MessageBar>
          )}
          {template.status === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody>{t('templateInsertFailed', template.error ?? '')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </div>
  );
}

function AnalysisView({ result, subject, t }: { result: DraftAnalysis; subject: string | null; t: Translate }) {
  const s = useStyles();
  const rows = elementRows(result);
  const tone = outcomeTone(result.outcome);
  return (
    <>
      <section className={s.outcome} aria-live="polite" data-testid="outcome" data-outcome={result.outcome}>
        <div className={s.row}>
          <Badge appearance="filled" color={tone} size="large">
            {t(`outcome_${result.outcome}`)}
          </Badge>
        </div>
        <Body1>{t(`outcomeHint_${result.outcome}`)}</Body1>
        {subject?.trim() && (
          <Caption1 className={s.quote} data-testid="draft-subject">
            {t('checkedDraft')} {subject}
          </Caption1>
        )}
        {result.truncated && <Caption1>{t('truncated')}</Caption1>}
      </section>

      <ul className={s.list} aria-label={t('tabCheck')}>
        {rows.map((row) => (
          <li key={row.name} className={s.item} data-testid={`element-${row.name}`} data-present={row.present}>
            {row.present ? (
              <CheckmarkCircle20Filled className={s.ok} aria-hidden />
            ) : row.required ? (
              <DismissCircle20Filled className={s.bad} aria-hidden />
            ) : (
              <Circle20Regular className={s.soft} aria-hidden />
            )}
            <div>
              <Text weight="semibold">{t(`element_${row.name}`)}</Text>{' '}
              <Caption1 className={row.present ? s.ok : row.required ? s.bad : s.soft}>
                {row.present ? t('present') : row.required ? t('missing') : t('optional')}
              </Caption1>
              {row.present
                ? row.evidence.map((e, i) => (
                    <Caption1 key={i} className={s.quote} lang={result.language}>
                      “{e}”
                    </Caption1>
                  ))
                : row.reason && (
                    <Caption1 className={s.quote} lang={result.language}>
                      {row.reason}
                    </Caption1>
                  )}
            </div>
          </li>
        ))}
      </ul>

      {result.vaguePhrases.length > 0 && (
        <section className={s.section} data-testid="vague-phrases">
          <Subtitle2 as="h2">{t('vagueHeading')}</Subtitle2>
          {result.vaguePhrases.map((v, i) => (
            <div key={i} className={s.vague} lang={result.language}>
              <Text weight="semibold">“{v.text}”</Text> <Caption1 className={s.soft}>{t(`vague_${v.kind}`)}</Caption1>
              <Caption1 className={s.quote}>
                {t('rewriteAs')} {v.suggestion}
              </Caption1>
            </div>
          ))}
        </section>
      )}

      <section className={s.section} data-testid="next-step" data-next-step={result.nextStep ?? ''}>
        <Subtitle2 as="h2">{t('nextStepHeading')}</Subtitle2>
        <Body1>{result.nextStep ? t(`nextStep_${result.nextStep}`) : t('nextStep_none')}</Body1>
      </section>
    </>
  );
}
