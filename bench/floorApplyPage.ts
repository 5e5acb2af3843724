/** The page half of the apply floor (bundled by bench/apply.mjs): `self.__floorApply(url)`. */
import { floorApply } from './lib/floorApply'

;(self as unknown as { __floorApply: (url: string) => Promise<{ chunks: number }> }).__floorApply = (url) => floorApply(url, document.getElementById('board')!)
