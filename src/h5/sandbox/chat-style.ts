/** Which platform's look the sandbox chat imitates. */
export type ChatStyle = 'wecom' | 'dingtalk';
