/** Where a room's name may be cut: its head goes first, the part that tells rooms apart stays. */
import { describe, expect, it } from 'vitest';
import { splitRoomName } from '../../../renderer/src/picker/room-name';

describe('splitRoomName', () => {
  it.each([
    ['深圳·滨海大厦 18F 1801 会议室', '深圳·滨海大厦 18F', '1801 会议室'],
    ['北京·银科大厦 5F 长城厅', '北京·银科大厦', '5F 长城厅'],
    ['Marina One L12 Boardroom', 'Marina One', 'L12 Boardroom'],
    ['Marina One L12 Room 1203', 'Marina One L12 Room', '1203'],
    ['Lobby Screen', 'Lobby', 'Screen'],
    ['滨海大厦18楼1801会议室', '滨海大厦18楼', '1801会议室'],
    ['长城厅', '', '长城厅'],
    ['1801', '', '1801'],
  ])('%s → %s | %s', (name, head, tail) => {
    expect(splitRoomName(name)).toEqual({ head, tail });
  });
});
