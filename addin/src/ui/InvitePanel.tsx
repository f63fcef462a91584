import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { CalendarAdd20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { InviteCandidate } from '../contract';
import { formatTime, type Translate } from '../i18n';
import { inviteDetailsText } from '../logic/view';
import type { PaneState } from '../state';
import { ErrorBar } from './ErrorBar';
import { useStyles } from './styles';

interface Props {
  state: PaneState;
  t: Translate;
  apiWhere: string;
  onSuggest(): void;
  onOpen(candidate: InviteCandidate): void;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function InvitePanel({ state, t, apiWhere, onSuggest, onOpen }: Props) {
  const s = useStyles();
  const { invite, lang } = state;
  const [chosen, setChosen] = useState<number>(0);
  const [copied, setCopied] = useState(false);
  const suggestion = invite.suggestion;
  const candidate = suggestion?.candidates[chosen];
  const when = candidate ? `${formatTime(candidate.start, lang)} – ${formatTime(candidate.end, lang)}` : '';
  return (
    <section className={s.section} data-testid="invite">
      <Button icon={<CalendarAdd20Regular />} onClick={onSuggest} disabled={invite.status === 'running'}>
        {t('suggestExchange')}
      </Button>
      {invite.status === 'running' && <Spinner size="extra-tiny" label={t('suggesting')} />}
      {invite.status === 'error' && invite.error && <ErrorBar error={invite.error} t={t} where={apiWhere} testId="invite-error" />}
      {suggestion && (
        <div className={s.section}>
          <Subtitle2 as="h2" className={s.wrap}>
            {suggestion.subject}
          </Subtitle2>
          <Caption1 className={s.wrap}>
            {suggestion.attendees.map((a) => a.name || a.address).join(', ')} · {t('minutes', suggestion.durationMinutes)}
          </Caption1>
          {suggestion.note && <Caption1 className={s.soft}>{suggestion.note}</Caption1>}
          <Text weight="semibold">{t('candidatesHeading')}</Text>
          {suggestion.candidates.length === 0 && (
            <Body1>{suggestion.emptySuggestionsReason ? suggestion.emptySuggestionsReason : t('noCandidates')}</Body1>
          )}
          <div role="radiogroup" aria-label={t('candidatesHeading')}>
            {suggestion.candidates.map((c, i) => (
              <label key={i} className={s.candidate}>
                <span className={s.nowrap}>
                  <input type="radio" name="candidate" checked={i === chosen} onChange={() => setChosen(i)} />{' '}
                  {formatTime(c.start, lang)}
                </span>
                <Caption1 className={s.soft}>
                  {c.confidence != null
                    ? t('confidence', Math.round(c.confidence))
                    : !c.availability || c.availability === 'unknown'
                      ? t('availabilityUnknown')
                      : c.availability}
                </Caption1>
              </label>
            ))}
          </div>
          {candidate && (
            <Button appearance="primary" icon={<CalendarAdd20Regular />} onClick={() => onOpen(candidate)}>
              {t('openMeetingForm')}
            </Button>
          )}
          {invite.formUnavailable && candidate && (
            <>
              <MessageBar intent="info">
                <MessageBarBody>{t('meetingFormUnavailable')}</MessageBarBody>
              </MessageBar>
              <pre className={s.template} data-testid="invite-details">
                {inviteDetailsText(suggestion, when, {
                  subject: t('inviteSubject'),
                  attendees: t('inviteAttendees'),
                  time: t('inviteTime'),
                  agenda: t('inviteAgenda'),
                })}
              </pre>
              <Button
                icon={<Copy20Regular />}
                onClick={async () => {
                  setCopied(
                    await copyText(
                      inviteDetailsText(suggestion, when, {
                        subject: t('inviteSubject'),
                        attendees: t('inviteAttendees'),
                        time: t('inviteTime'),
                        agenda: t('inviteAgenda'),
                      }),
                    ),
                  );
                }}
              >
                {copied ? t('copied') : t('copyDetails')}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
