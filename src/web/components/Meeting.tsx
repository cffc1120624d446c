/**
 * Meeting mode on the document screen: while a meeting runs, everyone sees the banner and
 * follows the chair — their view is brought to the provision under discussion each time it
 * changes, unless they turned following off to read elsewhere. The chair also gets the
 * meeting's controls; the chair who runs it leads, and so follows no one.
 */
import { Suspense, useState } from 'react';
import type { DocumentState } from '../../core/index.ts';
import type { MeetingState } from '../api.ts';
import { bringIntoView, useFollow } from '../meeting-scroll.ts';
import { ChairConsole } from './on-demand.tsx';
import { MeetingBanner } from './MeetingBanner.tsx';

export function Meeting({
  documentId,
  meeting,
  state,
  isChair,
  userId,
  onMeeting,
}: {
  readonly documentId: string;
  readonly meeting: MeetingState | null;
  readonly state: DocumentState;
  readonly isChair: boolean;
  readonly userId: string | null;
  readonly onMeeting: (meeting: MeetingState) => void;
}) {
  const [following, setFollowing] = useState(true);
  const running = meeting?.active === true ? meeting : null;
  const leading = running !== null && userId !== null && running.chair?.userId === userId;
  useFollow(running && !leading ? running.provisionId : null, following, state.version);
  if (running === null && !isChair) return null;
  return (
    <div className="meeting">
      {running ? (
        <MeetingBanner
          meeting={running}
          state={state}
          leading={leading}
          following={following}
          onFollowing={setFollowing}
          onJump={() => {
            if (running.provisionId !== null) bringIntoView(document, running.provisionId);
          }}
        />
      ) : null}
      {isChair ? (
        <Suspense fallback={null}>
          <ChairConsole documentId={documentId} meeting={meeting} state={state} leading={leading} onMeeting={onMeeting} />
        </Suspense>
      ) : null}
    </div>
  );
}
