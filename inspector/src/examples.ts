// Inputs to start from: the seed example (messages.startBot of layer 122), an rpc_result answering
// messages.getHistory whose messages.messages is gzip_packed (latest layer), and the seed cut short.

import type { InspectorInput } from './share-link.ts';

const startBot = '7873dfe6 162829d8 28db0b00 735f649f a53f5db7 c97ea07d fade6100 00000000 06726566 5f343200';

export const examples: Readonly<Record<string, InspectorInput>> = {
  startBot: { layer: '122', hex: startBot, request: '', type: '', lenient: false },
  gzip: {
    layer: 'latest',
    hex:
      '016d5cf3 00708ed8 8c195f65 a1cf7230 921f8b08 00000000 0000037b f5bc5856 f4c85619 26060686 ' +
      'cb3b19ca 9a182020 95818141 493c3052 e3363744 e06370aa 50466a4e 4ebe425a 517eae42 494e5a7e ' +
      '517a2a03 482f2303 03c349ee c4bd2065 ac0c0c0c 5c7c0d55 20761a9a 198c1f83 5359b6ed 9a0fd203 ' +
      'e223d320 339acfec d8c80cb5 1fa6a738 3e65fe52 fbd8ed1c 21a939a9 e94589b9 4041009d 3f5a26b4 ' +
      '00000000',
    request: 'messages.getHistory',
    type: '',
    lenient: false,
  },
  // Cut inside random_id: 4 of its 8 bytes are there.
  truncated: { layer: '122', hex: startBot.slice(0, 62), request: '', type: '', lenient: false },
};
