"""Build configuration that pyproject.toml cannot express: the top-level data folders.

``resources/`` (fonts, templates, tariff, reference lists, translations) and ``db/`` (the
Alembic migrations) stay at the top of the repository, where people edit them; in a wheel they
are installed inside the package as ``khidmat_desk/_resources`` and ``khidmat_desk/_migrations``,
where ``khidmat_desk.paths`` finds them. Packages are found as namespace packages too
(``khidmat_desk.core.services`` has no ``__init__.py``).
"""

from setuptools import find_namespace_packages, setup

SHIPPED_FOLDERS = {
    "khidmat_desk._resources": "resources",
    "khidmat_desk._migrations": "db",
}
_NOT_SHIPPED = ["*__pycache__*"]


def _shipped_packages() -> list[str]:
    """Each shipped folder and its subfolders, as the packages they become in the wheel."""
    packages = []
    for package, folder in SHIPPED_FOLDERS.items():
        packages.append(package)
        packages += [f"{package}.{sub}"
                     for sub in find_namespace_packages(where=folder, exclude=_NOT_SHIPPED)]
    return packages


shipped = _shipped_packages()
setup(
    packages=[
        *find_namespace_packages(include=["khidmat_desk*", "khidmat_central*"],
                                 exclude=_NOT_SHIPPED),
        *shipped,
    ],
    package_dir=SHIPPED_FOLDERS,
    package_data={package: ["*"] for package in shipped},
    exclude_package_data={package: ["*.pyc"] for package in shipped},
)
