/** Where the protos are: next to this module (and copied next to each Lambda bundle). */
import { fileURLToPath } from 'node:url';

export const PROTO_DIR = fileURLToPath(new URL('./proto/', import.meta.url));
export const PROTO_FILES = ['auth.proto', 'chatroom.proto', 'chat.proto', 'gateway.proto'];
