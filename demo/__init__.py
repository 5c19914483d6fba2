"""The demo site of La Maison Escale (`manage.py seed_demo`): pages, news, illustrations, accounts, activities,
members, care files, indicators history and search promotions, built through each app's services.

This app sits at the top of the app graph: it imports any other app, and no other app imports it.
"""
