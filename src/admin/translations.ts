/**
 * Overrides of Payload's admin texts (`i18n.translations`). Swedish: Payload's templates put a
 * capitalised label after a gendered adjective ("Skapar ny Ämne", "Lägg till Länk"); with the
 * label after a colon they read right for every noun.
 */
export const adminTranslations = {
  sv: {
    general: {
      // Keeps "Skapa ny", the button's visible text, in its accessible name (axe label-content-name-mismatch).
      createNewLabel: 'Skapa ny post: {{label}}',
      creatingNewLabel: 'Skapar: {{label}}',
      newLabel: 'Ny post: {{label}}',
      noLabel: '(utan värde: {{label}})',
      editLabel: 'Redigera: {{label}}',
      deleteLabel: 'Radera: {{label}}',
    },
    fields: {
      addLabel: 'Lägg till: {{label}}',
      addNewLabel: 'Lägg till: {{label}}',
      chooseLabel: 'Välj: {{label}}',
      newLabel: 'Ny post: {{label}}',
      selectExistingLabel: 'Välj befintlig: {{label}}',
      uploadNewLabel: 'Ladda upp ny: {{label}}',
    },
  },
}
