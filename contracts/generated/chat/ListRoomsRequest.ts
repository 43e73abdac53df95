// Original file: contracts/proto/chatroom.proto


/**
 * Additions.
 */
export interface ListRoomsRequest {
  /**
   * At most this many rooms (default 100, at most 1000), in name order.
   */
  'limit'?: (number);
  /**
   * Start after this room name (the last name of the previous page).
   */
  'after_room_name'?: (string);
}

/**
 * Additions.
 */
export interface ListRoomsRequest__Output {
  /**
   * At most this many rooms (default 100, at most 1000), in name order.
   */
  'limit': (number);
  /**
   * Start after this room name (the last name of the previous page).
   */
  'after_room_name': (string);
}
