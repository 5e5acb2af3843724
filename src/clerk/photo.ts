/**
 * Photos of the posted notice, from the camera or a file: downscaled so the
 * longer side is at most 1600 px and stored as a JPEG blob (PNG stays PNG when
 * it is small enough already, so screenshots keep their sharp text).
 */
export const MAX_PHOTO_SIDE = 1600
export const JPEG_QUALITY = 0.85

/** The size that fits within max×max keeping the aspect ratio; never upscales. */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

export interface DownscaledPhoto {
  blob: Blob
  mimeType: string
  width: number
  height: number
}

/** Browser only (createImageBitmap + OffscreenCanvas, or a <canvas> where OffscreenCanvas is missing). */
export async function downscalePhoto(file: Blob, max = MAX_PHOTO_SIDE): Promise<DownscaledPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, max)
    const keepPng = file.type === 'image/png' && width === bitmap.width && height === bitmap.height
    if (keepPng) return { blob: file, mimeType: 'image/png', width, height }
    const mimeType = 'image/jpeg'
    let blob: Blob
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height)
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#fff' // JPEG has no transparency
      ctx.fillRect(0, 0, width, height)
      ctx.drawImage(bitmap, 0, 0, width, height)
      blob = await canvas.convertToBlob({ type: mimeType, quality: JPEG_QUALITY })
    } else {
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const ctx = canvas.getContext('2d')!
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, width, height)
      ctx.drawImage(bitmap, 0, 0, width, height)
      blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), mimeType, JPEG_QUALITY))
    }
    return { blob, mimeType, width, height }
  } finally {
    bitmap.close()
  }
}
