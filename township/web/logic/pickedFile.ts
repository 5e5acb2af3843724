/** The file an <input type="file"> was given, the input cleared so the same file can be picked again. */
export function pickedFile(e: Event): File | undefined {
  const input = e.target as HTMLInputElement
  const file = input.files?.[0]
  input.value = ''
  return file
}
