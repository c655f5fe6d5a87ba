// Lets `node` run our TypeScript sources directly (Node strips the types): NodeNext imports
// name `.js` files, which exist only as `.ts` here.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context)
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return next(`${specifier.slice(0, -3)}.ts`, context)
      }
      throw error
    }
  }
})
