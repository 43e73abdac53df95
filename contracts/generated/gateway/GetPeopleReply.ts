// Original file: contracts/proto/gateway.proto


export interface GetPeopleReply {
  'people'?: (string)[];
}

export interface GetPeopleReply__Output {
  'people': (string)[];
}
