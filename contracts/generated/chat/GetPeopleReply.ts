// Original file: contracts/proto/chatroom.proto


export interface GetPeopleReply {
  'people'?: (string)[];
}

export interface GetPeopleReply__Output {
  'people': (string)[];
}
