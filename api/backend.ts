/**
 * What the public gRPC API needs from the functions, whatever the binding:
 * the monolith passes the operations themselves, the gateway passes proxies
 * that invoke the Lambda functions. Subscribe is the one part each binding
 * implements its own way (in-process feed vs. a feed across replicas).
 */
import type { chatmsg } from '../contracts/types.js';
import type { ChatOperations } from '../functions/chat/operations.js';
import type { SubscriptionSink } from '../functions/chat/subscription.js';
import type { ChatroomOperations } from '../functions/chatroom/operations.js';
import type { LoginOperations } from '../functions/login/operations.js';
import type { Caller } from '../functions/operation.js';

export interface Backend {
  login: LoginOperations;
  chatroom: ChatroomOperations;
  chat: ChatOperations;
  /** Validates the request, opens the subscription and returns its cancel. */
  subscribe(caller: Caller, request: chatmsg.SubscribeRequest, sink: SubscriptionSink): Promise<() => void>;
}
