/**
 * Overrides of Payload's admin texts (`i18n.translations`). Swedish: Payload's templates put a
 * capitalised label after a gendered adjective ("Skapar ny Ämne", "Lägg till Länk"); with the
 * label after a colon they read right for every noun. "<Ingen Rubrik>" becomes "(utan rubrik)".
 */
export const adminTranslations = {
  sv: {
    general: {
      createNewLabel: 'Skapa: {{label}}',
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
