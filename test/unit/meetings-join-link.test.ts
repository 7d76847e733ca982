import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../main/cli/exit-codes';
import { describeFailure } from '../../main/cli/failures';
import { parseMeetingRef, type JoinLinkRef } from '../../main/core/input/meeting-ref';
import { InviteError } from '../../main/core/invite/errors';
import { resolveMeeting } from '../../main/core/invite/resolve';
import {
  isJoinLinkOf,
  JoinLinkNotFoundError,
  joinLinkNotFoundMessage,
} from '../../main/core/meetings/join-link';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import { rejectionOf } from '../helpers/rejection';
import { FakeApi, meeting } from './invite-fake';

function link(text: string): JoinLinkRef {
  const parsed = parseMeetingRef(text);
  if (!parsed.ok || parsed.value.kind !== 'link') throw new Error(`not a join link: ${text}`);
  return parsed.value;
}

const first = meeting({
  meeting_id: '1000000000000000001',
  join_url: 'https://meeting.tencent.com/dm/AbC1',
});
const second = meeting({
  meeting_id: '1000000000000000002',
  status: 'MEETING_STATE_INIT',
  join_url: 'https://meeting.tencent.com/dm/abc1',
});
const noUrl = meeting({ meeting_id: '1000000000000000003', join_url: null });

describe('join links matched against join_url', () => {
  it('matches host (any case) and token (exactly); scheme, query and trailing slash aside', () => {
    expect(isJoinLinkOf(first, link('http://MEETING.tencent.com/dm/AbC1/?from=x'))).toBe(true);
    expect(isJoinLinkOf(first, link('https://meeting.tencent.com/dm/abc1'))).toBe(false);
    expect(isJoinLinkOf(first, link('https://voovmeeting.com/dm/AbC1'))).toBe(false);
    expect(isJoinLinkOf(noUrl, link('https://meeting.tencent.com/dm/AbC1'))).toBe(false);
  });

  it('resolves to the meeting whose join_url it is, from the operator list only', async () => {
    const api = new FakeApi({ meetings: [noUrl, first, second] });
    expect(await resolveMeeting(api, link('meeting.tencent.com/dm/abc1'))).toBe(second);
    expect(api.calls).toEqual([{ method: 'listOperatorMeetings' }]);
  });

  it('none matches: JoinLinkNotFoundError, saying what to paste instead, in either language', async () => {
    const ref = link('https://meeting.tencent.com/dm/Zz9');
    const error = await rejectionOf(
      resolveMeeting(new FakeApi({ meetings: [first, second] }), ref),
      JoinLinkNotFoundError,
    );
    expect(error).toBeInstanceOf(InviteError);
    expect(error.kind).toBe('meeting-not-found');
    expect(error.message).toBe(joinLinkNotFoundMessage(ref, 'en'));
    expect(error.message).toContain("'https://meeting.tencent.com/dm/Zz9'");
    expect(error.message).toContain('paste the 9-digit meeting code instead');
    expect(joinLinkNotFoundMessage(ref, 'zh-CN')).toContain('请改为粘贴 9 位会议号');
    // The CLI: a usage error (what was pasted must change), with no empty hint line.
    expect(describeFailure(error)).toMatchObject({ exitCode: EXIT_USAGE, message: error.message });
  });

  it('a failed list is a failed look-up naming the link, not "not found"', async () => {
    const api = new FakeApi({ meetings: [] });
    api.listOperatorMeetings = () =>
      Promise.reject(
        new WemeetApiError(
          { method: 'GET', path: '/v1/meetings' },
          { status: 400, errorCode: 9061, newErrorCode: null, serverMessage: null },
        ),
      );
    const error = await rejectionOf(
      resolveMeeting(api, link('https://meeting.tencent.com/dm/AbC1')),
      InviteError,
    );
    expect(error.kind).toBe('lookup-failed');
    expect(error.message).toContain('join link https://meeting.tencent.com/dm/AbC1');
  });
});
