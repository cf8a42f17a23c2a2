"""The smallest valid answers file, shared by the tests that build their inputs from it."""

MINIMAL = """\
association:
  nom: "CPTS Test"
  territoire: Test
  departement: "59"
  communes: [Lille]
  siege: {adresse: "1 rue X", code_postal: "59000", commune: Lille}
colleges:
  - {code: ps, cotisation: 20}
  - {code: esp, cotisation: 50}
membres:
  fondateurs:
    - {id: a, nom: A, prenom: B, college: ps}
    - {id: b, structure: MSP, college: esp}
"""
