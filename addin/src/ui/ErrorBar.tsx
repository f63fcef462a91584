import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Translate } from '../i18n';
import { describeError } from '../logic/errors';
import type { PaneError } from '../state';

/** A failure, worded for the rep (logic/errors.ts), with the service's own detail on a second line where it helps. */
export function ErrorBar({ error, t, where, testId }: { error: PaneError; t: Translate; where: string; testId: string }) {
  const wording = describeError(error, where);
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>
        {t(wording.key, ...wording.args)}
        {wording.detail && (
          <>
            <br />
            <Caption1>{wording.detail}</Caption1>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
