/** Real exam results, retakes and certification. (French) */
export const frResults = {
  resultsTitle: 'Après l’examen réel',
  resultPassed: 'Réussi le {date} avec {score}.',
  resultFailed: 'Non réussi le {date} ({score}).',
  retakeWait: 'Vous pouvez le repasser à partir du {date} (AWS demande 14 jours entre deux tentatives).',
  retakeAfterBeta: 'Une bêta ne se passe qu’une fois : votre nouvelle tentative sera l’examen standard, disponible à partir du {date}.',
  retakeFocus: 'Travaillez d’abord ce que le rapport de score a marqué À améliorer : {list}. Votre plan leur donne plus de temps.',
  retakePlan: 'Planifier ma nouvelle tentative au {date}',
  certifiedUntil: 'Certifié jusqu’au {until} (trois ans). Pour le rester, réussissez la version de l’examen alors en vigueur avant cette date ; nous vous suggérons de commencer à vous préparer dès le {from}.',
  resultRecord: 'Enregistrer un résultat de votre rapport de score AWS',
  resultDate: 'Date de l’examen',
  resultScore: 'Score mis à l’échelle (100–1000)',
  resultVerdict: 'Résultat',
  resultDomains: 'Chaque domaine, tel que le classe le rapport de score',
  resultSave: 'Enregistrer le résultat',
};
